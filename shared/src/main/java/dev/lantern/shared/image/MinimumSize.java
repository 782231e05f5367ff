package dev.lantern.shared.image;

/**
 * The smallest decoded image the models of a task still need, so that a large JPEG can be decoded at a fraction of
 * its size: a classifier that resizes the shorter side to 256 needs {@code shorterSide = 256}; a detector that fits
 * the longer side into 416 needs {@code longerSide = 416}. Zero means no need on that side.
 */
public record MinimumSize(int shorterSide, int longerSide) {

    /** No reduction: the image at its stored size. */
    public static final MinimumSize FULL = new MinimumSize(Integer.MAX_VALUE, Integer.MAX_VALUE);

    /** JPEG's DCT-domain scales, largest first. */
    private static final int[] REDUCTIONS = {8, 4, 2};

    public MinimumSize {
        if (shorterSide < 0 || longerSide < 0) {
            throw new IllegalArgumentException("sizes cannot be negative: " + shorterSide + ", " + longerSide);
        }
    }

    public static MinimumSize shorterSide(int pixels) {
        return new MinimumSize(pixels, 0);
    }

    public static MinimumSize longerSide(int pixels) {
        return new MinimumSize(0, pixels);
    }

    /** What satisfies both this need and {@code other} (one decode serving two models). */
    public MinimumSize and(MinimumSize other) {
        return new MinimumSize(Math.max(shorterSide, other.shorterSide), Math.max(longerSide, other.longerSide));
    }

    /**
     * The largest JPEG reduction (8, 4, 2, or 1 for none) after which an image of {@code width × height} still meets
     * this need. Libjpeg rounds a reduced side up, as {@code ceil(side / reduction)} does here.
     */
    public int jpegReduction(int width, int height) {
        for (int reduction : REDUCTIONS) {
            int w = ceilDiv(width, reduction);
            int h = ceilDiv(height, reduction);
            if (Math.min(w, h) >= shorterSide && Math.max(w, h) >= longerSide) {
                return reduction;
            }
        }
        return 1;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
