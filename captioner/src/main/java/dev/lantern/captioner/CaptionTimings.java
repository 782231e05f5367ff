package dev.lantern.captioner;

/**
 * Where the time of one caption went, in milliseconds. Detection and classification run at the same time.
 *
 * @param decodeMs bytes to pixels
 * @param detectorQueueMs waiting for the detector
 * @param detectorMs the detector's pre-processing, forward pass and post-processing
 * @param classifierMs the classifier's queue and inference (0 when it was unavailable)
 * @param composeMs writing the sentence
 */
public record CaptionTimings(double decodeMs, double detectorQueueMs, double detectorMs, double classifierMs,
        double composeMs) {

    static double millis(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }
}
