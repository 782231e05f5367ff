package dev.lantern.shared.serving;

/**
 * One model output with where its time went.
 *
 * @param output what the model's translator produced for this input
 * @param queueNanos time from submission until the batch holding it started
 * @param inferenceNanos time the whole batch took, pre- and post-processing included
 * @param batchSize how many inputs shared the forward pass
 */
public record Inference<O>(O output, long queueNanos, long inferenceNanos, int batchSize) {

    public double queueMillis() {
        return queueNanos / 1e6;
    }

    public double inferenceMillis() {
        return inferenceNanos / 1e6;
    }
}
