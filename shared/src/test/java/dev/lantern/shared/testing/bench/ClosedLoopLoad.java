package dev.lantern.shared.testing.bench;

import static dev.lantern.shared.testing.bench.BenchmarkLog.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Closed-loop load: N client threads each send a call, wait for its answer and send the next, first for a warm-up
 * window and then for the measured one. Only calls that end inside the measured window count; the first failure stops
 * the run, since figures of a failing scenario would mean nothing.
 */
public final class ClosedLoopLoad {

    /** One call with its input; safe to run from several threads. */
    @FunctionalInterface
    public interface Call<T> {
        void run(T input) throws Exception;
    }

    /**
     * The figures of one scenario: items (the call's inputs, e.g. documents or sentences) per second and the p50 and
     * p99 call latency in milliseconds.
     */
    public record Result(String name, int calls, double perSecond, double p50, double p99) {}

    private final Duration warmUp;
    private final Duration window;

    public ClosedLoopLoad(Duration warmUp, Duration window) {
        this.warmUp = warmUp;
        this.window = window;
    }

    /**
     * Runs {@code clients} threads over the inputs; call number k (counted over all clients) gets
     * {@code inputOfCall.apply(k)}, and each call stands for {@code itemsPerCall} items in the throughput.
     */
    public <T> Result measure(String name, int clients, int itemsPerCall, IntFunction<T> inputOfCall, Call<T> call)
            throws InterruptedException {
        log("%s: warm-up", name);
        runFor(clients, warmUp, inputOfCall, call, null);
        log("%s: measuring", name);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        runFor(clients, window, inputOfCall, call, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        Result result = new Result(name, sorted.length, sorted.length * itemsPerCall / seconds,
                percentileMillis(sorted, 0.5), percentileMillis(sorted, 0.99));
        log("%s: %d calls, %.1f items/s, p50 %.0f ms, p99 %.0f ms", name, result.calls(), result.perSecond(),
                result.p50(), result.p99());
        return result;
    }

    /** Calls cycling over {@code inputs}, one input a call. */
    public <T> Result measure(String name, int clients, List<T> inputs, Call<T> call) throws InterruptedException {
        return measure(name, clients, 1, k -> inputs.get(Math.floorMod(k, inputs.size())), call);
    }

    private static <T> void runFor(int clients, Duration duration, IntFunction<T> inputOfCall, Call<T> call,
            List<Long> latencies) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < clients; t++) {
            Thread client = new Thread(() -> {
                while (System.nanoTime() < end && failures.isEmpty()) {
                    T input = inputOfCall.apply(next.getAndIncrement());
                    long start = System.nanoTime();
                    try {
                        call.run(input);
                    } catch (Exception e) {
                        failures.add(e);
                        return;
                    }
                    long finished = System.nanoTime();
                    if (latencies != null && finished <= end) {
                        latencies.add(finished - start);
                    }
                }
            }, "bench-client-" + t);
            client.start();
            threads.add(client);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a request failed: " + failures.get(0), failures.get(0));
        }
    }

    /** Nearest-rank percentile {@code q} (0 to 1) of sorted nanosecond latencies, in milliseconds; NaN if none. */
    public static double percentileMillis(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }
}
