package dev.lantern.shared.serving;

import java.time.Duration;

/**
 * How a served model groups concurrent requests.
 *
 * @param maxBatchSize most inputs in one forward pass
 * @param maxWait how long the first input of a batch may wait for others to join it
 * @param queueCapacity inputs waiting beyond which callers are turned away as busy
 * @param workers threads running forward passes, each with its own predictor
 */
public record BatchingOptions(int maxBatchSize, Duration maxWait, int queueCapacity, int workers) {

    public BatchingOptions {
        if (maxBatchSize < 1 || queueCapacity < 1 || workers < 1 || maxWait.isNegative()) {
            throw new IllegalArgumentException("batching options must be positive: " + maxBatchSize + ", " + maxWait
                    + ", " + queueCapacity + ", " + workers);
        }
    }
}
