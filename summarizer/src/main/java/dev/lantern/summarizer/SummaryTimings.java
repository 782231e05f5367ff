package dev.lantern.summarizer;

/**
 * Where the time of one summary went, in milliseconds.
 *
 * @param splitMs sentence splitting
 * @param embedMs embedding every sentence, waiting for the model included
 * @param selectMs scoring and choosing sentences
 * @param sentences sentences in the source
 * @param passes forward passes of the embedding model
 */
public record SummaryTimings(double splitMs, double embedMs, double selectMs, int sentences, int passes) {

    public static double millis(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }
}
