package dev.lantern.shared.image;

/**
 * Bounds on what an uploaded image may cost before any pixel is decoded.
 *
 * @param maxBytes largest encoded size accepted
 * @param maxPixels largest width × height accepted, read from the header (a small file can hold a huge image)
 * @param maxConcurrentDecodes decodes running at once; decoding is CPU-bound and a large image takes hundreds of
 *     megabytes, so more than a few at a time only adds memory
 */
public record ImageLimits(long maxBytes, long maxPixels, int maxConcurrentDecodes) {

    public ImageLimits {
        if (maxBytes < 1 || maxPixels < 1 || maxConcurrentDecodes < 1) {
            throw new IllegalArgumentException("image limits must be positive");
        }
    }
}
