package dev.lantern.classifier;

import dev.lantern.shared.serving.Inference;

/**
 * Where the time of one image went, in milliseconds.
 *
 * @param decodeMs bytes to pixels
 * @param queueMs waiting for a batch to start
 * @param inferenceMs the batch's pre-processing, forward pass and post-processing
 * @param batchSize images that shared the forward pass
 */
public record ClassificationTimings(double decodeMs, double queueMs, double inferenceMs, int batchSize) {

    static ClassificationTimings of(long decodeNanos, Inference<?> inference) {
        return new ClassificationTimings(round(decodeNanos / 1e6), round(inference.queueMillis()),
                round(inference.inferenceMillis()), inference.batchSize());
    }

    private static double round(double millis) {
        return Math.round(millis * 100) / 100.0;
    }
}
