package dev.lantern.translator;

/**
 * Where the time of one translation went, in milliseconds.
 *
 * @param detectMs language detection (0 when the source was given)
 * @param splitMs sentence splitting
 * @param queueMs waiting for a free worker
 * @param translateMs the search over all sentences of the pass (shared with requests merged into it)
 * @param totalMs the whole request inside the service
 * @param sentences sentences translated
 */
public record TranslationTimings(double detectMs, double splitMs, double queueMs, double translateMs, double totalMs,
        int sentences) {

    /** From the service's {@code System.nanoTime()} readings and the pass's own queue and search times; total is now. */
    static TranslationTimings of(long start, long detectedAt, long splitAt, long queueNanos, long translateNanos,
            int sentences) {
        return new TranslationTimings(millis(detectedAt - start), millis(splitAt - detectedAt), millis(queueNanos),
                millis(translateNanos), millis(System.nanoTime() - start), sentences);
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }
}
