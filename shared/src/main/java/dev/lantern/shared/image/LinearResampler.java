package dev.lantern.shared.image;

/**
 * OpenCV's {@code cv2.resize(..., INTER_LINEAR)} of 8-bit images: each output pixel blends the 2×2 source pixels
 * around its centre, whatever the scale (so shrinking by much skips source pixels: no antialiasing). Positions are
 * computed in float and the weights are 11-bit fixed point, and the vertical pass rounds as OpenCV's SIMD code does,
 * so the output is identical to {@code cv2.resize} on x86 (SSE/AVX) and ARM (NEON) builds.
 */
final class LinearResampler implements Resampler {

    private static final int COEF_BITS = 11;
    private static final float COEF_SCALE = 1 << COEF_BITS;

    /** The two taps of each output position along one axis: first source index and the two weights. */
    private record Taps(int[] index, int[] w0, int[] w1) {}

    /**
     * Output positions {@code [from, from + count)}: centres aligned ({@code (d + 0.5) * scale - 0.5}), computed in
     * float as OpenCV does. Along x OpenCV clamps a position outside the image to the edge pixel with weight 1; along
     * y it keeps the fraction and clamps the row indices instead (same pixels, weights that may sum to 2047 or 2049).
     */
    private static Taps taps(int inSize, int outSize, int from, int count, boolean clampFraction) {
        double scale = 1.0 / ((double) outSize / inSize); // OpenCV keeps the inverse scale and inverts it
        int[] index = new int[count];
        int[] w0 = new int[count];
        int[] w1 = new int[count];
        for (int i = 0; i < count; i++) {
            float f = (float) ((from + i + 0.5) * scale - 0.5);
            int s = (int) Math.floor(f);
            f -= s;
            if (clampFraction && s < 0) {
                f = 0;
                s = 0;
            }
            if (clampFraction && s >= inSize - 1) {
                f = 0;
                s = inSize - 1;
            }
            index[i] = s;
            w0[i] = saturateShort(Math.rint((1f - f) * COEF_SCALE));
            w1[i] = saturateShort(Math.rint(f * COEF_SCALE));
        }
        return new Taps(index, w0, w1);
    }

    @Override
    public int[] resize(int[] src, int srcWidth, int srcHeight, int outWidth, int outHeight, int cropX, int cropY,
            int cropWidth, int cropHeight) {
        Taps columns = taps(srcWidth, outWidth, cropX, cropWidth, true);
        Taps rows = taps(srcHeight, outHeight, cropY, cropHeight, false);
        // horizontal results of the two most recent source rows, as OpenCV's ring buffer keeps them
        int[][] cached = {new int[cropWidth * 3], new int[cropWidth * 3]};
        int[] cachedRow = {-1, -1};
        int[] out = new int[cropWidth * cropHeight];
        for (int j = 0; j < cropHeight; j++) {
            int y0 = clamp(rows.index()[j], srcHeight);
            int y1 = clamp(rows.index()[j] + 1, srcHeight);
            int[] s0 = horizontal(src, srcWidth, y0, columns, cached, cachedRow);
            int[] s1 = horizontal(src, srcWidth, y1, columns, cached, cachedRow);
            int b0 = rows.w0()[j];
            int b1 = rows.w1()[j];
            int o = j * cropWidth;
            for (int x = 0, a = 0; x < cropWidth; x++, a += 3) {
                out[o + x] = vertical(s0[a], s1[a], b0, b1) << 16 | vertical(s0[a + 1], s1[a + 1], b0, b1) << 8
                        | vertical(s0[a + 2], s1[a + 2], b0, b1);
            }
        }
        return out;
    }

    /** The horizontal pass of source row {@code y}, unrounded (source value × 2048), from the cache when there. */
    private static int[] horizontal(int[] src, int srcWidth, int y, Taps columns, int[][] cached, int[] cachedRow) {
        for (int c = 0; c < 2; c++) {
            if (cachedRow[c] == y) {
                return cached[c];
            }
        }
        // replace the row that is not the other one in use: rows only move down, so the older one
        int slot = cachedRow[0] <= cachedRow[1] ? 0 : 1;
        int[] row = cached[slot];
        cachedRow[slot] = y;
        int base = y * srcWidth;
        int last = srcWidth - 1;
        for (int i = 0, a = 0, n = columns.index().length; i < n; i++, a += 3) {
            int x = columns.index()[i];
            int p = src[base + x];
            int q = src[base + Math.min(x + 1, last)]; // weight 0 there: only its index needs to be valid
            int w0 = columns.w0()[i];
            int w1 = columns.w1()[i];
            row[a] = ((p >> 16) & 0xff) * w0 + ((q >> 16) & 0xff) * w1;
            row[a + 1] = ((p >> 8) & 0xff) * w0 + ((q >> 8) & 0xff) * w1;
            row[a + 2] = (p & 0xff) * w0 + (q & 0xff) * w1;
        }
        return row;
    }

    /**
     * The vertical blend as OpenCV's SIMD {@code VResizeLinearVec_32s8u} computes it: the rows are shifted right by 4
     * to fit 16 bits, each product keeps its high 16 bits, and the sum is rounded by 2 more bits. Its scalar
     * fallback, {@code (s0 * b0 + s1 * b1 + (1 << 21)) >> 22}, is 1 higher on about a third of the pixels; measured
     * against Debian's OpenCV 4.6 (AVX2 dispatch), the SIMD form matches every pixel, down to 1x1 outputs, so OpenCV
     * uses it for the row tails too. Only a build with SIMD disabled would give the scalar result.
     */
    private static int vertical(int s0, int s1, int b0, int b1) {
        int v = ((((s0 >> 4) * b0) >> 16) + (((s1 >> 4) * b1) >> 16) + 2) >> 2;
        return v < 0 ? 0 : Math.min(v, 255);
    }

    private static int clamp(int index, int size) {
        return index < 0 ? 0 : Math.min(index, size - 1);
    }

    private static int saturateShort(double v) {
        return (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
    }
}
