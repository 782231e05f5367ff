package dev.lantern.captioner.translator;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes YOLOX's raw head output. Every row is one anchor point {@code [x, y, w, h, objectness, class scores...]},
 * levels in stride order and row-major within a level; objectness and class scores have been through a sigmoid.
 * A box is {@code cx = (x + gx)·s}, {@code cy = (y + gy)·s}, {@code w = e^w·s}, {@code h = e^h·s}. The anchor layout
 * follows from the input size and the strides, so another YOLOX size is configuration.
 */
public final class YoloxGrid {

    private final int inputSize;
    private final int[] strides;
    private final int classes;
    private final int anchors;

    public YoloxGrid(int inputSize, List<Integer> strides, int classes) {
        if (strides.isEmpty() || classes < 1) {
            throw new IllegalArgumentException("a YOLOX grid needs strides and classes");
        }
        this.inputSize = inputSize;
        this.strides = strides.stream().mapToInt(Integer::intValue).toArray();
        this.classes = classes;
        int n = 0;
        for (int s : this.strides) {
            if (s < 1 || inputSize % s != 0) {
                throw new IllegalArgumentException("input size " + inputSize + " is not a multiple of stride " + s);
            }
            n += (inputSize / s) * (inputSize / s);
        }
        this.anchors = n;
    }

    /** Anchor points the model must output: 3549 for 416 with strides 8, 16, 32. */
    public int anchors() {
        return anchors;
    }

    /** Values per anchor row: 4 box values, objectness, one score per class. */
    public int rowLength() {
        return 5 + classes;
    }

    /**
     * The anchors whose best class scores at least {@code threshold} (score = objectness × class score), one
     * candidate per anchor, in anchor order; boxes are corners in the input frame.
     */
    public List<Candidate> decode(float[] output, float threshold) {
        int row = rowLength();
        if (output.length != anchors * row) {
            throw new IllegalStateException("the detector gave " + output.length + " values, but input size "
                    + inputSize + " with these strides needs " + anchors + " rows of " + row
                    + ": check lantern.captioner.detector.input-size, strides and labels");
        }
        List<Candidate> out = new ArrayList<>();
        int i = 0;
        for (int stride : strides) {
            int cells = inputSize / stride;
            for (int gy = 0; gy < cells; gy++) {
                for (int gx = 0; gx < cells; gx++, i++) {
                    int base = i * row;
                    float objectness = output[base + 4];
                    if (objectness < threshold) {
                        continue; // class scores are at most 1: this anchor cannot reach the threshold
                    }
                    int best = 0;
                    float bestScore = output[base + 5];
                    for (int c = 1; c < classes; c++) {
                        float v = output[base + 5 + c];
                        if (v > bestScore) {
                            bestScore = v;
                            best = c;
                        }
                    }
                    float score = objectness * bestScore;
                    if (score < threshold) {
                        continue;
                    }
                    float cx = (output[base] + gx) * stride;
                    float cy = (output[base + 1] + gy) * stride;
                    float w = (float) Math.exp(output[base + 2]) * stride;
                    float h = (float) Math.exp(output[base + 3]) * stride;
                    out.add(new Candidate(best, score, cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2));
                }
            }
        }
        return out;
    }
}
