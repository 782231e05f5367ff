package dev.lantern.captioner.translator;

import dev.lantern.shared.image.ChannelOrder;
import dev.lantern.shared.image.ResizeFilter;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Objects;

/**
 * YOLOX's input convention: scale the image by {@code r = min(size / h, size / w)} (aspect kept) with
 * {@code resizeFilter} (YOLOX trained with OpenCV's INTER_LINEAR), put it at the top-left of a square canvas filled with
 * {@code padValue}, and hand the model raw 0–255 values, planar, in the given channel order. {@link #toImage} maps a
 * box back to the original image's pixels.
 */
public record Letterbox(int size, int padValue, ChannelOrder channelOrder, ResizeFilter resizeFilter) {

    public Letterbox {
        if (size < 32 || padValue < 0 || padValue > 255) {
            throw new IllegalArgumentException("letterbox size must be at least 32 and pad 0–255: " + size + ", "
                    + padValue);
        }
        Objects.requireNonNull(channelOrder, "channelOrder");
        Objects.requireNonNull(resizeFilter, "resizeFilter");
    }

    /** The scale from image pixels to input pixels for an image of {@code width × height}. */
    public double scale(int width, int height) {
        return Math.min((double) size / height, (double) size / width);
    }

    /** The planar float input for {@code image}: {@code 3 × size × size}. */
    public float[] toChw(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        double r = scale(width, height);
        // truncation as in YOLOX's own preprocessing (int(w * r))
        int w = Math.max(1, (int) (width * r));
        int h = Math.max(1, (int) (height * r));
        int[] resized = resizeFilter.resize(ResizeFilter.packedRgb(image), width, height, w, h);
        int plane = size * size;
        float[] out = new float[3 * plane];
        Arrays.fill(out, padValue);
        int red = channelOrder == ChannelOrder.RGB ? 0 : 2;
        int blue = 2 - red;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = resized[y * w + x];
                int i = y * size + x;
                out[red * plane + i] = (p >> 16) & 0xff;
                out[plane + i] = (p >> 8) & 0xff;
                out[blue * plane + i] = p & 0xff;
            }
        }
        return out;
    }

    /** {@code box} (input frame) in the pixels of an image of {@code width × height}, clipped to the image. */
    public Candidate toImage(Candidate box, int width, int height) {
        double r = scale(width, height);
        return new Candidate(box.classId(), box.score(),
                clip(box.x1() / r, width), clip(box.y1() / r, height),
                clip(box.x2() / r, width), clip(box.y2() / r, height));
    }

    private static float clip(double v, int max) {
        return (float) Math.max(0, Math.min(max, v));
    }
}
