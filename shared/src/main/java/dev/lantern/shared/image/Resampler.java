package dev.lantern.shared.image;

/** One resizing algorithm on packed {@code 0xRRGGBB} pixels; the arguments are checked by {@link ResizeFilter}. */
interface Resampler {

    /** See {@link ResizeFilter#resize(int[], int, int, int, int, int, int, int, int)}. */
    int[] resize(int[] src, int srcWidth, int srcHeight, int outWidth, int outHeight, int cropX, int cropY,
            int cropWidth, int cropHeight);
}
