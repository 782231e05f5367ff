package dev.lantern.shared.image;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * How an image is resized before a model sees it. Each filter reproduces, pixel for pixel, the library a family of
 * models was trained with: a model fed differently resized pixels than in training loses accuracy for no reason.
 * Configuration names them in kebab case ({@code antialiased-bilinear}, {@code area}, {@code bilinear}).
 */
public enum ResizeFilter {

    /**
     * Pillow's {@code Image.resize(size, Image.BILINEAR)}, which is what torchvision's {@code Resize} does to a PIL
     * image: a triangle kernel widened by the scale factor when shrinking, so every source pixel contributes.
     */
    ANTIALIASED_BILINEAR(new ConvolutionResampler(ConvolutionResampler.Kernel.TRIANGLE)),

    /**
     * Pillow's {@code Image.resize(size, Image.BOX)}: the average over each output pixel's footprint in the source.
     */
    AREA(new ConvolutionResampler(ConvolutionResampler.Kernel.BOX)),

    /**
     * OpenCV's {@code cv2.resize(..., interpolation=cv2.INTER_LINEAR)}: the 2×2 neighbourhood only, no antialiasing;
     * what YOLOX's letterbox was trained with. Rounds as OpenCV's SIMD code (every x86 and ARM build) does.
     */
    BILINEAR(new LinearResampler());

    private final Resampler resampler;

    ResizeFilter(Resampler resampler) {
        this.resampler = resampler;
    }

    /**
     * The window {@code [cropX, cropX + cropWidth) × [cropY, cropY + cropHeight)} of {@code srcRgb} resized to
     * {@code outWidth × outHeight}; only the window is computed, and it is identical to resizing everything and then
     * cropping.
     *
     * @param srcRgb packed {@code 0xRRGGBB} pixels, row after row, {@code srcWidth} per row (the top byte is ignored)
     * @return {@code cropWidth × cropHeight} packed {@code 0xRRGGBB} pixels, row after row
     */
    public int[] resize(int[] srcRgb, int srcWidth, int srcHeight, int outWidth, int outHeight, int cropX, int cropY,
            int cropWidth, int cropHeight) {
        if (srcWidth < 1 || srcHeight < 1 || srcRgb.length < (long) srcWidth * srcHeight) {
            throw new IllegalArgumentException("source " + srcWidth + "x" + srcHeight + " does not fit "
                    + srcRgb.length + " pixels");
        }
        if (outWidth < 1 || outHeight < 1 || cropWidth < 1 || cropHeight < 1 || cropX < 0 || cropY < 0
                || cropX + cropWidth > outWidth || cropY + cropHeight > outHeight) {
            throw new IllegalArgumentException("window " + cropWidth + "x" + cropHeight + " at " + cropX + "," + cropY
                    + " does not fit in " + outWidth + "x" + outHeight);
        }
        return resampler.resize(srcRgb, srcWidth, srcHeight, outWidth, outHeight, cropX, cropY, cropWidth,
                cropHeight);
    }

    /** The whole image resized to {@code outWidth × outHeight}. */
    public int[] resize(int[] srcRgb, int srcWidth, int srcHeight, int outWidth, int outHeight) {
        return resize(srcRgb, srcWidth, srcHeight, outWidth, outHeight, 0, 0, outWidth, outHeight);
    }

    /**
     * The pixels of {@code image} as packed {@code 0xRRGGBB}, {@code width} per row: the image's own array when it is
     * a plain {@code TYPE_INT_RGB} (no copy), else a converted copy.
     */
    public static int[] packedRgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_INT_RGB
                && image.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel model
                && model.getScanlineStride() == w && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0
                && image.getRaster().getDataBuffer().getOffset() == 0) {
            return ((DataBufferInt) image.getRaster().getDataBuffer()).getData(); // not a sub-image: stride = width
        }
        BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    }
}
