package dev.lantern.translator.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.lantern.translator.model.TranslationModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingPartsTest {

    private static NDManager manager;

    @BeforeAll
    static void engine() {
        manager = NDManager.newBaseManager("PyTorch");
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void batchesRespectTheTokenBudgetAndCoverEveryExampleOnce() {
        Random random = new Random(3);
        List<TokenBatches.Example> examples = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            int length = 2 + random.nextInt(40);
            int[] source = new int[length];
            source[0] = i; // identifies the example
            examples.add(new TokenBatches.Example(source, new int[2 + random.nextInt(40)]));
        }
        List<List<TokenBatches.Example>> batches = TokenBatches.make(examples, 300, new Random(1));
        Set<Integer> seen = new HashSet<>();
        for (List<TokenBatches.Example> batch : batches) {
            int longest = batch.stream().mapToInt(TokenBatches.Example::longest).max().orElseThrow();
            assertTrue(batch.size() == 1 || longest * batch.size() <= 300, "batch over budget");
            batch.forEach(e -> assertTrue(seen.add(e.source()[0]), "example twice"));
        }
        assertEquals(500, seen.size());
        // sorted by length inside the budget: far fewer padded tokens than random batches of the same count
        long padded = batches.stream().mapToLong(b -> (long) b.size()
                * b.stream().mapToInt(TokenBatches.Example::longest).max().orElseThrow()).sum();
        long real = examples.stream().mapToLong(TokenBatches.Example::longest).sum();
        assertTrue(padded < real * 1.15, padded + " padded for " + real + " real");
    }

    @Test
    void scheduleWarmsUpThenDecays() {
        LearningRateSchedule inverseSqrt = new LearningRateSchedule(1e-3f, 100, false, 0);
        assertEquals(1e-5f, inverseSqrt.at(1), 1e-9f);
        assertEquals(5e-4f, inverseSqrt.at(50), 1e-9f);
        assertEquals(1e-3f, inverseSqrt.at(100), 1e-9f);
        assertEquals(5e-4f, inverseSqrt.at(400), 1e-9f);
        LearningRateSchedule cosine = new LearningRateSchedule(1e-3f, 100, true, 1100);
        assertEquals(1e-3f, cosine.at(100), 1e-9f);
        assertEquals((1e-5f + 1e-3f) / 2, cosine.at(600), 1e-8f);
        assertEquals(1e-5f, cosine.at(1100), 1e-9f);
        assertEquals(1e-5f, cosine.at(5000), 1e-9f);
    }

    @Test
    void labelSmoothedLossMatchesHandComputation() {
        float epsilon = 0.1f;
        // one sentence, two positions; the second target is padding and must not count
        NDArray logits = manager.create(new float[] {1, 2, 3, 0, 0, 5}, new Shape(1, 2, 3));
        NDArray targets = manager.create(new long[] {2, 0}, new Shape(1, 2));
        float loss = new LabelSmoothedLoss(epsilon).sum(logits, targets).getFloat();
        double logSumExp = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
        double[] logp = {1 - logSumExp, 2 - logSumExp, 3 - logSumExp};
        double expected = (1 - epsilon) * -logp[2] + epsilon * -(logp[0] + logp[1] + logp[2]) / 3;
        assertEquals(expected, loss, 1e-5);
        assertEquals(-logp[2], new LabelSmoothedLoss(0).sum(logits, targets).getFloat(), 1e-5);
    }

    @Test
    void adamStepsLikeTheFormulaZeroesGradientsAndResumes(@TempDir Path dir) throws Exception {
        try (NDManager m = manager.newSubManager()) {
            Parameter w = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
            w.setArray(m.create(new float[] {1, -2}));
            w.getArray().setRequiresGradient(true);
            AdamOptimizer adam = new AdamOptimizer(List.of(w), m, 0.9f, 0.98f, 1e-9f);
            float lr = 0.01f;
            for (int step = 0; step < 2; step++) {
                try (NDManager scratch = m.newSubManager()) {
                    try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                        // L = sum(w²): gradient 2w; Adam's first steps move each weight by about lr against its sign
                        collector.backward(w.getArray().square().sum());
                    }
                    adam.step(lr, 0f, scratch);
                }
            }
            assertArrayEquals(new float[] {1 - 2 * lr, -2 + 2 * lr}, w.getArray().toFloatArray(), 1e-4f);
            assertArrayEquals(new float[] {0, 0}, w.getArray().getGradient().toFloatArray(), 0f);
            adam.save(dir.resolve("adam.state"));
            AdamOptimizer resumed = new AdamOptimizer(List.of(w), m, 0.9f, 0.98f, 1e-9f);
            resumed.load(dir.resolve("adam.state"), adam.steps());
            assertEquals(2, resumed.steps());
            adam.close();
            resumed.close();
        }
    }

    @Test
    void optionsHaveDefaultsAndRejectUnknownNames() {
        TrainingOptions options = TrainingOptions.parse(new String[] {"--source", "de", "--target", "en",
            "--model-dim", "128", "--lr", "0.002"});
        assertEquals("de", options.source());
        assertEquals(128, options.modelDim());
        assertEquals(0.002f, options.learningRate());
        assertEquals(Path.of("target/translator-de-en"), options.output());
        assertEquals(8000, options.vocabularySize());
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.parse(new String[] {"--modle-dim", "1"}));
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.parse(new String[] {"--source"}));
        assertThrows(IllegalArgumentException.class,
                () -> TrainingOptions.parse(new String[] {"--schedule", "linear"}));
    }

    @Test
    void aProgressLineIsDueEveryNBatchesAtTheEpochsEndAndAfterThirtySeconds() {
        long second = 1_000_000_000L;
        ProgressLine progress = new ProgressLine(3, 5, 0);
        progress.counted(100, 250);
        progress.stepped(230f);
        assertTrue(progress.batchDone(0, 0, 1, 1e-3f, second, 0).isEmpty());
        progress.counted(100, 250);
        progress.skipped(100); // its loss never counted, nor do its target tokens
        assertTrue(progress.batchDone(0, 1, 1, 1e-3f, 2 * second, 0).isEmpty());
        progress.counted(100, 250);
        progress.stepped(230f);
        String line = progress.batchDone(0, 2, 2, 1e-3f, 4 * second, 0).orElseThrow();
        // loss per target token 460 / 200; 200 target and 750 tokens in all over 4 s; 2 batches left at 4/3 s each
        assertEquals("epoch 1 batch 3/5 step 2  loss 2.300  lr 1.00e-03  50 tgt tok/s (188 src+tgt)  epoch ETA 0:00:03"
                + "  elapsed 0:00:04", line);
        assertTrue(progress.batchDone(0, 3, 3, 1e-3f, 5 * second, 0).isEmpty());
        assertTrue(progress.batchDone(0, 4, 4, 1e-3f, 6 * second, 0).isPresent(), "the epoch's last batch");

        ProgressLine slow = new ProgressLine(1000, 100, 0);
        assertTrue(slow.batchDone(0, 0, 1, 1e-3f, 29 * second, 0).isEmpty());
        assertTrue(slow.batchDone(0, 1, 2, 1e-3f, 30 * second, 0).isPresent(), "30 s after the last line");
    }

    @Test
    void checkpointsComeEveryFewMinutesAndAStopOrTheTimeLimitEndsTheLoop() {
        long minute = 60_000_000_000L;
        boolean[] stop = {false};
        CheckpointPolicy policy = new CheckpointPolicy(() -> stop[0], 30, 10, 0);
        assertEquals(CheckpointPolicy.Action.CONTINUE, policy.afterBatch(9 * minute));
        assertEquals(CheckpointPolicy.Action.CHECKPOINT, policy.afterBatch(10 * minute));
        assertEquals(CheckpointPolicy.Action.CONTINUE, policy.afterBatch(19 * minute), "the next is due at 20");
        assertEquals(CheckpointPolicy.Action.CHECKPOINT, policy.afterBatch(20 * minute));
        assertEquals(CheckpointPolicy.Action.TIME_UP, policy.afterBatch(30 * minute));
        stop[0] = true;
        assertEquals(CheckpointPolicy.Action.STOP, policy.afterBatch(31 * minute), "a stop comes first");

        CheckpointPolicy noLimit = new CheckpointPolicy(() -> false, 0, 10, 0);
        assertEquals(CheckpointPolicy.Action.CHECKPOINT, noLimit.afterBatch(1000 * minute));
    }

    @Test
    void anEpochEndKeepsTheBestBleuTheResumePointAndTheLastEpochsWeights(@TempDir Path last) throws Exception {
        EpochEnd end = new EpochEnd(last, 2, -1);
        assertTrue(end.newBest(12.5));
        assertFalse(end.newBest(12.5));
        assertFalse(end.newBest(3));
        assertEquals(12.5, end.bestBleu());

        assertEquals(new TrainTranslator.TrainingProgress(4, 0, 900, 12.5), end.progress(3, true, 900));
        // the time limit cut epoch 4 short after batch 17: the run resumes where that checkpoint was saved
        new TrainTranslator.TrainingProgress(3, 17, 880, 12.5).write(last);
        assertEquals(new TrainTranslator.TrainingProgress(3, 17, 900, 12.5), end.progress(3, false, 900));

        for (int epoch = 1; epoch <= 3; epoch++) {
            Files.writeString(last.resolve(TranslationModel.PARAMETERS), "weights of epoch " + epoch);
            end.keepWeights(epoch);
        }
        Path epochs = last.resolve("epochs");
        assertFalse(Files.exists(epochs.resolve(EpochEnd.file(1))));
        assertEquals("weights of epoch 2", Files.readString(epochs.resolve(EpochEnd.file(2))));
        assertEquals("weights of epoch 3", Files.readString(epochs.resolve("epoch-003.params")));

        EpochEnd keepNone = new EpochEnd(last.resolve("other"), 0, -1);
        keepNone.keepWeights(1);
        assertFalse(Files.exists(last.resolve("other").resolve("epochs")));
    }
}
