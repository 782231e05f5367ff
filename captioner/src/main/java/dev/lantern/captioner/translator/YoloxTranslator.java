package dev.lantern.captioner.translator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import dev.lantern.shared.serving.DirectFloatBatch;
import dev.lantern.shared.serving.HostStackBatchifier;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    /** The whole batch written into one native buffer (see {@link DirectFloatBatch}). */
    @Override
    public NDList batchProcessInput(TranslatorContext ctx, List<BufferedImage> images) {
        Shape item = new Shape(3, letterbox.size(), letterbox.size());
        return new NDList(DirectFloatBatch.stack(ctx.getNDManager(), images, item, letterbox::toChw));
    }

    @Override
    public Detections processOutput(TranslatorContext ctx, NDList list) {
        float[] output = list.singletonOrThrow().toFloatArray();
        return new Detections(nms.apply(grid.decode(output, scoreThreshold)));
    }

    /** All rows of the batch's output read at once, then decoded image by image. */
    @Override
    public List<Detections> batchProcessOutput(TranslatorContext ctx, NDList list) {
        NDArray output = list.singletonOrThrow();
        int items = Math.toIntExact(output.getShape().get(0));
        float[] all = output.toFloatArray();
        int each = all.length / items;
        List<Detections> out = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            float[] rows = items == 1 ? all : Arrays.copyOfRange(all, i * each, (i + 1) * each);
            out.add(new Detections(nms.apply(grid.decode(rows, scoreThreshold))));
        }
        return out;
    }

    /** DJL batches only for a translator with a batchifier; the batch methods above do the work without it. */
    @Override
    public Batchifier getBatchifier() {
        return HostStackBatchifier.INSTANCE;
    }
}
