package dev.lantern.classifier.translator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import dev.lantern.shared.image.ImagePreprocessing;
import dev.lantern.shared.serving.DirectFloatBatch;
import dev.lantern.shared.serving.HostStackBatchifier;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pre- and post-processing of an image classifier: resize, crop and normalise into a CHW tensor; turn the output
 * row into class probabilities. Arrays are made on the context's manager, so they are freed with each batch.
 */
public final class ClassifierTranslator implements Translator<BufferedImage, ClassProbabilities> {

    private final ImagePreprocessing preprocessing;
    private final int classes;
    private final boolean outputIsLogits;

    public ClassifierTranslator(ImagePreprocessing preprocessing, int classes, boolean outputIsLogits) {
        this.preprocessing = preprocessing;
        this.classes = classes;
        this.outputIsLogits = outputIsLogits;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, BufferedImage image) {
        float[] chw = preprocessing.toChw(image);
        Shape shape = new Shape(3, preprocessing.cropHeight(), preprocessing.cropWidth());
        return new NDList(ctx.getNDManager().create(chw, shape));
    }

    /** The whole batch written into one native buffer (see {@link DirectFloatBatch}). */
    @Override
    public NDList batchProcessInput(TranslatorContext ctx, List<BufferedImage> images) {
        Shape item = new Shape(3, preprocessing.cropHeight(), preprocessing.cropWidth());
        return new NDList(DirectFloatBatch.stack(ctx.getNDManager(), images, item, preprocessing::toChw));
    }

    @Override
    public ClassProbabilities processOutput(TranslatorContext ctx, NDList list) {
        return probabilities(list.singletonOrThrow().toFloatArray(), 0);
    }

    /** All rows of the batch's output read at once, then split. */
    @Override
    public List<ClassProbabilities> batchProcessOutput(TranslatorContext ctx, NDList list) {
        NDArray scores = list.singletonOrThrow();
        int rows = Math.toIntExact(scores.getShape().get(0));
        float[] all = scores.toFloatArray();
        if (all.length != rows * classes) {
            throw new IllegalStateException("the model gives " + all.length / Math.max(1, rows)
                    + " scores per image but there are " + classes + " labels");
        }
        List<ClassProbabilities> out = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            out.add(probabilities(all, row * classes));
        }
        return out;
    }

    private ClassProbabilities probabilities(float[] scores, int from) {
        if (scores.length - from < classes) {
            throw new IllegalStateException("the model gives " + (scores.length - from) + " scores but there are "
                    + classes + " labels");
        }
        float[] row = Arrays.copyOfRange(scores, from, from + classes);
        return new ClassProbabilities(outputIsLogits ? softmax(row) : toDouble(row));
    }

    /** DJL batches only for a translator with a batchifier; the batch methods above do the work without it. */
    @Override
    public Batchifier getBatchifier() {
        return HostStackBatchifier.INSTANCE;
    }

    /** Softmax in double precision, shifted by the maximum so large logits cannot overflow. */
    static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = Math.exp(logits[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
