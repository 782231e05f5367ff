package dev.lantern.classifier.translator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import dev.lantern.shared.serving.HostStackBatchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import dev.lantern.shared.image.ImagePreprocessing;
import java.awt.image.BufferedImage;

/**
 * Pre- and post-processing of an image classifier: resize, crop and normalise into a CHW tensor; turn the output
 * row into class probabilities. Arrays are made on the context's manager, so they are freed with each batch.
 */
public final class ImageClassificationTranslator implements Translator<BufferedImage, ClassProbabilities> {

    private final ImagePreprocessing preprocessing;
    private final int classes;
    private final boolean outputIsLogits;

    public ImageClassificationTranslator(ImagePreprocessing preprocessing, int classes, boolean outputIsLogits) {
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

    @Override
    public ClassProbabilities processOutput(TranslatorContext ctx, NDList list) {
        NDArray row = list.singletonOrThrow();
        float[] scores = row.toFloatArray();
        if (scores.length != classes) {
            throw new IllegalStateException("the model gives " + scores.length + " scores but there are " + classes
                    + " labels");
        }
        return new ClassProbabilities(outputIsLogits ? softmax(scores) : toDouble(scores));
    }

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
