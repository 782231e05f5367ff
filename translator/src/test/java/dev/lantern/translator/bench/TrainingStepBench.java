package dev.lantern.translator.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.lantern.shared.engine.DjlEnvironment;
import dev.lantern.translator.model.TransformerConfig;
import dev.lantern.translator.model.TranslationTransformer;
import dev.lantern.translator.training.AdamOptimizer;
import dev.lantern.translator.training.LabelSmoothedLoss;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Where the time of one training step goes (forward, loss, backward, Adam) for a model shape and batch:
 * {@code java ... TrainingStepBench dModel layers ffn vocabulary rows length threads}. Synthetic tokens.
 */
public final class TrainingStepBench {

    public static void main(String[] args) {
        int d = Integer.parseInt(args[0]);
        int layers = Integer.parseInt(args[1]);
        int ffn = Integer.parseInt(args[2]);
        int vocabulary = Integer.parseInt(args[3]);
        int rows = Integer.parseInt(args[4]);
        int length = Integer.parseInt(args[5]);
        System.setProperty("ai.djl.pytorch.num_threads", args[6]);
        DjlEnvironment.lockDown();
        TransformerConfig config = new TransformerConfig(vocabulary, d, 4, layers, layers, ffn, 0.1f, 128);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            TranslationTransformer model = new TranslationTransformer(config);
            model.initialize(manager, DataType.FLOAT32, new Shape(1, 1), new Shape(1, 1));
            List<Parameter> parameters = model.getParameters().stream().map(Pair::getValue).toList();
            LabelSmoothedLoss loss = new LabelSmoothedLoss(0.1f);
            Random random = new Random(1);
            double[] totals = new double[4];
            int iterations = 6;
            try (AdamOptimizer adam = new AdamOptimizer(parameters, manager, 0.9f, 0.98f, 1e-9f)) {
                for (int it = 0; it < iterations + 1; it++) {
                    try (NDManager scratch = manager.newSubManager()) {
                        long[] ids = random.longs((long) rows * length, 4, vocabulary).toArray();
                        NDArray src = scratch.create(ids, new Shape(rows, length));
                        NDArray tgt = scratch.create(ids, new Shape(rows, length));
                        long t0 = System.nanoTime();
                        long t1;
                        long t2;
                        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                            NDArray logits = model.forward(new ParameterStore(scratch, false), new NDList(src, tgt),
                                    true).singletonOrThrow();
                            logits.getShape();
                            t1 = System.nanoTime();
                            NDArray l = loss.sum(logits, tgt).div(rows * length);
                            l.getFloat();
                            t2 = System.nanoTime();
                            collector.backward(l);
                        }
                        long t3 = System.nanoTime();
                        adam.step(1e-4f, 0f, scratch);
                        parameters.get(0).getArray().getFloat(0, 0);
                        long t4 = System.nanoTime();
                        if (it > 0) {
                            totals[0] += (t1 - t0) / 1e6;
                            totals[1] += (t2 - t1) / 1e6;
                            totals[2] += (t3 - t2) / 1e6;
                            totals[3] += (t4 - t3) / 1e6;
                        }
                    }
                }
            }
            double step = totals[0] + totals[1] + totals[2] + totals[3];
            System.out.printf(Locale.ROOT, "d=%d layers=%d+%d ffn=%d V=%d batch %dx%d threads %s: forward %.0f ms, "
                    + "loss %.0f ms, backward %.0f ms, adam %.0f ms; step %.0f ms = %.0f target tok/s%n", d, layers,
                    layers, ffn, vocabulary, rows, length, args[6], totals[0] / iterations, totals[1] / iterations,
                    totals[2] / iterations, totals[3] / iterations, step / iterations,
                    rows * length / (step / iterations / 1000));
        }
    }
}
