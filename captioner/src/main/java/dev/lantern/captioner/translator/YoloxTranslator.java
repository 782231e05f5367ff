package dev.lantern.captioner.translator;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import dev.lantern.shared.serving.HostStackBatchifier;
import java.awt.image.BufferedImage;

/**
 * Pre- and post-processing of a YOLOX detector: letterbox into the model's square input; decode the grid, keep
 * scores over the threshold, per-class NMS. Boxes stay in the input frame: which image a batch row came from is not
 * known here, so {@link Letterbox#toImage} maps them back afterwards (the scale depends only on the image's size).
 */
public final class YoloxTranslator implements Translator<BufferedImage, Detections> {

    private final Letterbox letterbox;
    private final YoloxGrid grid;
    private final float scoreThreshold;
    private final NonMaxSuppression nms;

    public YoloxTranslator(Letterbox letterbox, YoloxGrid grid, float scoreThreshold, NonMaxSuppression nms) {
        this.letterbox = letterbox;
        this.grid = grid;
        this.scoreThreshold = scoreThreshold;
        this.nms = nms;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, BufferedImage image) {
        int size = letterbox.size();
        return new NDList(ctx.getNDManager().create(letterbox.toChw(image), new Shape(3, size, size)));
    }

    @Override
    public Detections processOutput(TranslatorContext ctx, NDList list) {
        float[] output = list.singletonOrThrow().toFloatArray();
        return new Detections(nms.apply(grid.decode(output, scoreThreshold)));
    }

    @Override
    public Batchifier getBatchifier() {
        return HostStackBatchifier.INSTANCE;
    }
}
