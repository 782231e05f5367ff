package dev.lantern.shared.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.Objects;

/**
 * The classic classification input: resize so the shorter side is {@code resizeShorter} with {@code resizeFilter},
 * crop the centre {@code cropWidth × cropHeight}, multiply by {@code scale}, then normalise each channel as
 * {@code (v - mean) / std}. The output is planar (CHW) float data in {@code channelOrder}. The geometry is
 * torchvision's ({@code Resize(int)} then {@code CenterCrop}), so that with the filter the model was trained with the
 * pixels are the ones it saw in training.
 */
public record ImagePreprocessing(
        int resizeShorter,
        int cropWidth,
        int cropHeight,
        float scale,
        float[] mean,
        float[] std,
        ChannelOrder channelOrder,
        ResizeFilter resizeFilter) {

    /**
     * torchvision's ImageNet convention: 256 → 224 with Pillow's bilinear filter (torchvision resizes PIL images),
     * [0,1], ImageNet mean and std, RGB.
     */
    public static final ImagePreprocessing IMAGENET = new ImagePreprocessing(256, 224, 224, 1f / 255,
            new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f}, ChannelOrder.RGB,
            ResizeFilter.ANTIALIASED_BILINEAR);

    public ImagePreprocessing {
        if (resizeShorter < 1 || cropWidth < 1 || cropHeight < 1 || cropWidth > resizeShorter
                || cropHeight > resizeShorter) {
            throw new IllegalArgumentException("resize " + resizeShorter + " and crop " + cropWidth + "x" + cropHeight
                    + " do not fit together");
        }
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("mean and std need one value per channel");
        }
        Objects.requireNonNull(channelOrder, "channelOrder");
        Objects.requireNonNull(resizeFilter, "resizeFilter");
        mean = mean.clone();
        std = std.clone();
    }

    /** Resizes, crops and normalises {@code image} (any type) into planar floats. */
    public float[] toChw(BufferedImage image) {
        int[] pixels = resizeAndCropPixels(image);
        int plane = cropWidth * cropHeight;
        float[] out = new float[3 * plane];
        int r = channelOrder == ChannelOrder.RGB ? 0 : 2;
        int b = 2 - r;
        // (v * scale - mean) / std as one multiply-add per value
        float ar = scale / std[0];
        float ag = scale / std[1];
        float ab = scale / std[2];
        float cr = -mean[0] / std[0];
        float cg = -mean[1] / std[1];
        float cb = -mean[2] / std[2];
        int rOff = r * plane;
        int bOff = b * plane;
        for (int i = 0; i < plane; i++) {
            int p = pixels[i];
            out[rOff + i] = ((p >> 16) & 0xff) * ar + cr;
            out[plane + i] = ((p >> 8) & 0xff) * ag + cg;
            out[bOff + i] = (p & 0xff) * ab + cb;
        }
        return out;
    }

    /** The shorter-side resize and the centre crop as an image. */
    BufferedImage resizeAndCrop(BufferedImage image) {
        int[] pixels = resizeAndCropPixels(image);
        BufferedImage crop = new BufferedImage(cropWidth, cropHeight, BufferedImage.TYPE_INT_RGB);
        System.arraycopy(pixels, 0, ((DataBufferInt) crop.getRaster().getDataBuffer()).getData(), 0, pixels.length);
        return crop;
    }

    /**
     * The shorter-side resize and the centre crop as packed RGB; only the cropped window is computed, which saves
     * most of the work for large photos.
     */
    private int[] resizeAndCropPixels(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] size = resizedSize(w, h, resizeShorter);
        int left = centreCropOffset(size[0], cropWidth);
        int top = centreCropOffset(size[1], cropHeight);
        return resizeFilter.resize(ResizeFilter.packedRgb(image), w, h, size[0], size[1], left, top, cropWidth,
                cropHeight);
    }

    /**
     * torchvision's {@code Resize(shorter)} output size {width, height}: the shorter side becomes {@code shorter}, the
     * longer {@code (int) (shorter * long / short)}, truncated as torchvision's {@code _compute_resized_output_size}.
     */
    static int[] resizedSize(int width, int height, int shorter) {
        if (width <= height) {
            return new int[] {shorter, (int) ((double) shorter * height / width)};
        }
        return new int[] {(int) ((double) shorter * width / height), shorter};
    }

    /** torchvision's {@code CenterCrop} offset: {@code int(round((size - crop) / 2.0))}, ties to even. */
    static int centreCropOffset(int size, int crop) {
        return (int) Math.rint((size - crop) / 2.0);
    }

    /** A copy: the record is shared (as {@link #IMAGENET}), so its arrays must not be changed through it. */
    @Override
    public float[] mean() {
        return mean.clone();
    }

    /** A copy, as {@link #mean()}. */
    @Override
    public float[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImagePreprocessing p && resizeShorter == p.resizeShorter && cropWidth == p.cropWidth
                && cropHeight == p.cropHeight && scale == p.scale && Arrays.equals(mean, p.mean)
                && Arrays.equals(std, p.std) && channelOrder == p.channelOrder && resizeFilter == p.resizeFilter;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std) + resizeShorter + cropWidth * 7 + cropHeight * 13
                + Objects.hash(channelOrder, resizeFilter);
    }

    @Override
    public String toString() {
        return "resize " + resizeShorter + ", crop " + cropWidth + "x" + cropHeight + ", scale " + scale + ", mean "
                + Arrays.toString(mean) + ", std " + Arrays.toString(std) + ", " + channelOrder + ", " + resizeFilter;
    }
}
