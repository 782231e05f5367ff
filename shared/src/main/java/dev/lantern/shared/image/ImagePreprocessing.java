package dev.lantern.shared.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/**
 * The classic classification input: resize so the shorter side is {@code resizeShorter} (bilinear), crop the centre
 * {@code cropWidth × cropHeight}, multiply by {@code scale}, then normalise each channel as {@code (v - mean) / std}.
 * The output is planar (CHW) float data in {@code channelOrder}.
 */
public record ImagePreprocessing(
        int resizeShorter,
        int cropWidth,
        int cropHeight,
        float scale,
        float[] mean,
        float[] std,
        ChannelOrder channelOrder) {

    /** torchvision's ImageNet convention: 256 → 224, [0,1], ImageNet mean and std, RGB. */
    public static final ImagePreprocessing IMAGENET = new ImagePreprocessing(256, 224, 224, 1f / 255,
            new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f}, ChannelOrder.RGB);

    public ImagePreprocessing {
        if (resizeShorter < 1 || cropWidth < 1 || cropHeight < 1 || cropWidth > resizeShorter
                || cropHeight > resizeShorter) {
            throw new IllegalArgumentException("resize " + resizeShorter + " and crop " + cropWidth + "x" + cropHeight
                    + " do not fit together");
        }
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("mean and std need one value per channel");
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** Resizes, crops and normalises {@code image} (any type) into planar floats. */
    public float[] toChw(BufferedImage image) {
        BufferedImage crop = resizeAndCrop(image);
        int[] pixels = ((DataBufferInt) crop.getRaster().getDataBuffer()).getData();
        int plane = cropWidth * cropHeight;
        float[] out = new float[3 * plane];
        int r = channelOrder == ChannelOrder.RGB ? 0 : 2;
        int b = 2 - r;
        float[] a = new float[3];
        float[] c = new float[3];
        for (int ch = 0; ch < 3; ch++) {
            a[ch] = scale / std[ch];
            c[ch] = -mean[ch] / std[ch];
        }
        for (int i = 0; i < plane; i++) {
            int p = pixels[i];
            out[r * plane + i] = ((p >> 16) & 0xff) * a[0] + c[0];
            out[plane + i] = ((p >> 8) & 0xff) * a[1] + c[1];
            out[b * plane + i] = (p & 0xff) * a[2] + c[2];
        }
        return out;
    }

    /**
     * The shorter-side resize and the centre crop in one bilinear draw: only the cropped window is rendered, which
     * saves most of the work for large photos.
     */
    BufferedImage resizeAndCrop(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double s = (double) resizeShorter / Math.min(w, h);
        int scaledW = Math.max(1, (int) Math.round(w * s));
        int scaledH = Math.max(1, (int) Math.round(h * s));
        int left = (int) Math.round((scaledW - cropWidth) / 2.0);
        int top = (int) Math.round((scaledH - cropHeight) / 2.0);
        BufferedImage crop = new BufferedImage(cropWidth, cropHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = crop.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, -left, -top, scaledW, scaledH, null);
        } finally {
            g.dispose();
        }
        return crop;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImagePreprocessing p && resizeShorter == p.resizeShorter && cropWidth == p.cropWidth
                && cropHeight == p.cropHeight && scale == p.scale && Arrays.equals(mean, p.mean)
                && Arrays.equals(std, p.std) && channelOrder == p.channelOrder;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std) + resizeShorter + cropWidth * 7 + cropHeight * 13;
    }

    @Override
    public String toString() {
        return "resize " + resizeShorter + ", crop " + cropWidth + "x" + cropHeight + ", scale " + scale + ", mean "
                + Arrays.toString(mean) + ", std " + Arrays.toString(std) + ", " + channelOrder;
    }
}
