package dev.lantern.captioner.translator;

import dev.lantern.shared.image.ChannelOrder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * YOLOX's input convention: scale the image by {@code r = min(size / h, size / w)} (aspect kept), put it at the
 * top-left of a square canvas filled with {@code padValue}, and hand the model raw 0–255 values, planar, in the
 * given channel order. {@link #toImage} maps a box back to the original image's pixels.
 */
public record Letterbox(int size, int padValue, ChannelOrder channelOrder) {

    public Letterbox {
        if (size < 32 || padValue < 0 || padValue > 255) {
            throw new IllegalArgumentException("letterbox size must be at least 32 and pad 0–255: " + size + ", "
                    + padValue);
        }
    }

    /** The scale from image pixels to input pixels for an image of {@code width × height}. */
    public double scale(int width, int height) {
        return Math.min((double) size / height, (double) size / width);
    }

    /** The planar float input for {@code image}: {@code 3 × size × size}. */
    public float[] toChw(BufferedImage image) {
        BufferedImage canvas = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(new Color(padValue, padValue, padValue));
            g.fillRect(0, 0, size, size);
            double r = scale(image.getWidth(), image.getHeight());
            // truncation as in YOLOX's own preprocessing (int(w * r))
            int w = Math.max(1, (int) (image.getWidth() * r));
            int h = Math.max(1, (int) (image.getHeight() * r));
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        int[] pixels = ((DataBufferInt) canvas.getRaster().getDataBuffer()).getData();
        int plane = size * size;
        float[] out = new float[3 * plane];
        int red = channelOrder == ChannelOrder.RGB ? 0 : 2;
        int blue = 2 - red;
        for (int i = 0; i < plane; i++) {
            int p = pixels[i];
            out[red * plane + i] = (p >> 16) & 0xff;
            out[plane + i] = (p >> 8) & 0xff;
            out[blue * plane + i] = p & 0xff;
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
