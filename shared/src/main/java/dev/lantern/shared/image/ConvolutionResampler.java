package dev.lantern.shared.image;

import java.util.Arrays;

/**
 * Pillow's resampling of 8-bit RGB ({@code Image.resize} with a convolution filter): two separable passes,
 * horizontal then vertical, each a weighted sum over a kernel whose support is widened by the scale factor when
 * shrinking, so that every source pixel counts (antialiasing). Weights are computed in double and then used as
 * 22-bit fixed point, and the intermediate image is rounded to 8 bits, exactly as Pillow does: that is what makes the
 * output identical to Pillow's, not merely close.
 */
final class ConvolutionResampler implements Resampler {

    /** The filters, with Pillow's supports (radius in source pixels at scale 1). */
    enum Kernel {
        /** Pillow's BILINEAR. */
        TRIANGLE(1.0) {
            @Override
            double at(double x) {
                double a = Math.abs(x);
                return a < 1.0 ? 1.0 - a : 0.0;
            }
        },
        /** Pillow's BOX; half-open so that a tap on the edge of two footprints counts in exactly one. */
        BOX(0.5) {
            @Override
            double at(double x) {
                return x > -0.5 && x <= 0.5 ? 1.0 : 0.0;
            }
        };

        final double support;

        Kernel(double support) {
            this.support = support;
        }

        abstract double at(double x);
    }

    /** 32 bits less 8 for the pixel value and 2 for the sign and headroom when weights overshoot. */
    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final int HALF = 1 << (PRECISION_BITS - 1);

    private final Kernel kernel;

    ConvolutionResampler(Kernel kernel) {
        this.kernel = kernel;
    }

    /**
     * The taps of output positions {@code [from, from + count)} along one axis: the first source index, the number
     * of taps and {@code stride} fixed-point weights for each.
     */
    record Taps(int[] first, int[] length, int[] weights, int stride) {

        int lowest() {
            int min = Integer.MAX_VALUE;
            for (int f : first) {
                min = Math.min(min, f);
            }
            return min;
        }

        int highestExclusive() {
            int max = 0;
            for (int i = 0; i < first.length; i++) {
                max = Math.max(max, first[i] + length[i]);
            }
            return max;
        }
    }

    /** Pillow's {@code precompute_coeffs} and {@code normalize_coeffs_8bpc} for part of one axis. */
    Taps taps(int inSize, int outSize, int from, int count) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = kernel.support * filterScale;
        int stride = (int) Math.ceil(support) * 2 + 1;
        double ss = 1.0 / filterScale;
        int[] first = new int[count];
        int[] length = new int[count];
        int[] weights = new int[count * stride];
        double[] w = new double[stride];
        for (int i = 0; i < count; i++) {
            double center = (from + i + 0.5) * scale;
            // (int) truncates toward zero like C's cast; negative values are clamped right after
            int xmin = Math.max((int) (center - support + 0.5), 0);
            int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
            double sum = 0.0;
            for (int x = 0; x < xmax; x++) {
                w[x] = kernel.at((x + xmin - center + 0.5) * ss);
                sum += w[x];
            }
            for (int x = 0; x < xmax; x++) {
                double v = sum != 0.0 ? w[x] / sum : w[x];
                weights[i * stride + x] = (int) (v < 0 ? -0.5 + v * (1 << PRECISION_BITS)
                        : 0.5 + v * (1 << PRECISION_BITS));
            }
            first[i] = xmin;
            length[i] = xmax;
        }
        return new Taps(first, length, weights, stride);
    }

    @Override
    public int[] resize(int[] src, int srcWidth, int srcHeight, int outWidth, int outHeight, int cropX, int cropY,
            int cropWidth, int cropHeight) {
        // Pillow leaves an axis that keeps its size alone: resampling it would blur nothing but still round
        boolean horizontal = outWidth != srcWidth;
        boolean vertical = outHeight != srcHeight;
        Taps rows = vertical ? taps(srcHeight, outHeight, cropY, cropHeight) : null;
        int rowFrom = vertical ? rows.lowest() : cropY;
        int rowTo = vertical ? rows.highestExclusive() : cropY + cropHeight;

        // the intermediate image: source rows [rowFrom, rowTo), the window's columns, channels interleaved, 0..255
        int[] middle = horizontal
                ? horizontalPass(src, srcWidth, taps(srcWidth, outWidth, cropX, cropWidth), rowFrom, rowTo)
                : unpack(src, srcWidth, cropX, cropWidth, rowFrom, rowTo);
        return vertical ? verticalPass(middle, cropWidth, rows, rowFrom) : pack(middle, cropWidth * cropHeight);
    }

    private static int[] horizontalPass(int[] src, int srcWidth, Taps columns, int rowFrom, int rowTo) {
        int width = columns.first().length;
        int colFrom = columns.lowest();
        int colTo = columns.highestExclusive();
        int span = colTo - colFrom;
        int[] red = new int[span];
        int[] green = new int[span];
        int[] blue = new int[span];
        int[] first = columns.first();
        int[] length = columns.length();
        int[] weights = columns.weights();
        int stride = columns.stride();
        int[] out = new int[(rowTo - rowFrom) * width * 3];
        int o = 0;
        for (int y = rowFrom; y < rowTo; y++) {
            // unpack the row once: every source pixel feeds several output pixels
            int base = y * srcWidth + colFrom;
            for (int x = 0; x < span; x++) {
                int p = src[base + x];
                red[x] = (p >> 16) & 0xff;
                green[x] = (p >> 8) & 0xff;
                blue[x] = p & 0xff;
            }
            for (int i = 0; i < width; i++) {
                int r = HALF;
                int g = HALF;
                int b = HALF;
                int s = first[i] - colFrom;
                int k = i * stride;
                for (int t = 0, n = length[i]; t < n; t++) {
                    int w = weights[k + t];
                    r += red[s + t] * w;
                    g += green[s + t] * w;
                    b += blue[s + t] * w;
                }
                out[o++] = clip8(r);
                out[o++] = clip8(g);
                out[o++] = clip8(b);
            }
        }
        return out;
    }

    private static int[] verticalPass(int[] middle, int width, Taps rows, int rowFrom) {
        int height = rows.first().length;
        int rowLength = width * 3;
        int[] acc = new int[rowLength];
        int[] out = new int[width * height];
        for (int j = 0; j < height; j++) {
            Arrays.fill(acc, HALF);
            int k = j * rows.stride();
            for (int t = 0, n = rows.length()[j]; t < n; t++) {
                // a whole row per tap: a straight loop the JIT vectorises
                int w = rows.weights()[k + t];
                int base = (rows.first()[j] + t - rowFrom) * rowLength;
                for (int x = 0; x < rowLength; x++) {
                    acc[x] += middle[base + x] * w;
                }
            }
            int o = j * width;
            for (int x = 0, a = 0; x < width; x++, a += 3) {
                out[o + x] = clip8(acc[a]) << 16 | clip8(acc[a + 1]) << 8 | clip8(acc[a + 2]);
            }
        }
        return out;
    }

    private static int[] unpack(int[] src, int srcWidth, int colFrom, int width, int rowFrom, int rowTo) {
        int[] out = new int[(rowTo - rowFrom) * width * 3];
        int o = 0;
        for (int y = rowFrom; y < rowTo; y++) {
            for (int x = colFrom, end = colFrom + width; x < end; x++) {
                int p = src[y * srcWidth + x];
                out[o++] = (p >> 16) & 0xff;
                out[o++] = (p >> 8) & 0xff;
                out[o++] = p & 0xff;
            }
        }
        return out;
    }

    private static int[] pack(int[] channels, int pixels) {
        int[] out = new int[pixels];
        for (int i = 0, c = 0; i < pixels; i++, c += 3) {
            out[i] = channels[c] << 16 | channels[c + 1] << 8 | channels[c + 2];
        }
        return out;
    }

    /** Pillow's {@code clip8}: drop the fraction (the accumulator started at one half, so this rounds), clamp. */
    private static int clip8(int acc) {
        int v = acc >> PRECISION_BITS;
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
