package dev.lantern.shared.serving;

import dev.lantern.shared.engine.NativeHeap;
import dev.lantern.shared.error.BusyException;
import dev.lantern.shared.error.LanternException;
import dev.lantern.shared.error.ModelUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Groups concurrent inputs into batches behind a bounded queue. Each worker thread owns one {@link BatchFunction}
 * (in practice a DJL predictor, which is not thread-safe) and runs one batch at a time. A full queue fails the
 * caller at once with {@link BusyException}: waiting in an unbounded line only moves the overload elsewhere.
 */
public final class DynamicBatcher<I, O> implements AutoCloseable {

    /** Runs one forward pass over a batch; the answer has one output per input, in order. */
    @FunctionalInterface
    public interface BatchFunction<I, O> {
        List<O> apply(List<I> inputs) throws Exception;
    }

    private record Job<I, O>(I input, CompletableFuture<Inference<O>> result, long enqueuedAt) {}

    private static final Logger LOG = Logger.getLogger(DynamicBatcher.class);
    private static final long LONG_PASS_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final String name;
    private final BatchingOptions options;
    private final BlockingQueue<Job<I, O>> queue;
    private final List<Thread> threads = new ArrayList<>();
    private final Timer inferenceTimer;
    private final DistributionSummary batchSizes;
    private final Counter rejected;
    private volatile boolean running = true;

    public DynamicBatcher(String name, BatchingOptions options, List<BatchFunction<I, O>> workers,
            MeterRegistry registry) {
        this(name, options, workers, registry, List.of());
    }

    /**
     * As above, and the first worker begins with {@code warmUpBatch} (answered to no one, counted in no metric): the
     * model's first run at a full batch, slow on some engines, then falls to no caller, and the app can report ready
     * before it. Inputs that come meanwhile wait in the queue or go to the other workers.
     */
    public DynamicBatcher(String name, BatchingOptions options, List<BatchFunction<I, O>> workers,
            MeterRegistry registry, List<I> warmUpBatch) {
        if (workers.size() != options.workers()) {
            throw new IllegalArgumentException("expected " + options.workers() + " workers, got " + workers.size());
        }
        this.name = name;
        this.options = options;
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
        this.inferenceTimer = Timer.builder("lantern.inference").description("Forward pass time of one batch")
                .tag("model", name).publishPercentileHistogram().register(registry);
        this.batchSizes = DistributionSummary.builder("lantern.batch.size").description("Inputs per forward pass")
                .tag("model", name).serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64).register(registry);
        this.rejected = Counter.builder("lantern.queue.rejected").description("Inputs turned away as busy")
                .tag("model", name).register(registry);
        Gauge.builder("lantern.queue.depth", queue, BlockingQueue::size).description("Inputs waiting for a worker")
                .tag("model", name).register(registry);
        for (int i = 0; i < workers.size(); i++) {
            BatchFunction<I, O> worker = workers.get(i);
            List<I> first = i == 0 ? warmUpBatch : List.of();
            Thread thread = new Thread(() -> {
                warmUp(worker, first);
                loop(worker);
            }, "lantern-" + name + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    public CompletableFuture<Inference<O>> submit(I input) {
        CompletableFuture<Inference<O>> result = new CompletableFuture<>();
        if (!running) {
            result.completeExceptionally(new ModelUnavailableException("Model " + name + " is shutting down."));
        } else if (!queue.offer(new Job<>(input, result, System.nanoTime()))) {
            rejected.increment();
            result.completeExceptionally(new BusyException("Model " + name + " is busy: " + options.queueCapacity()
                    + " requests are already waiting. Retry shortly.", 1));
        }
        return result;
    }

    private void warmUp(BatchFunction<I, O> worker, List<I> batch) {
        if (batch.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        try {
            worker.apply(batch);
            LOG.debugf("%s warmed up with a batch of %d in %.0f ms", name, batch.size(),
                    (System.nanoTime() - start) / 1e6);
        } catch (Exception e) {
            // the model answered one input at load; a failure here shows again, in context, with a real batch
            LOG.debugf(e, "%s: warm-up batch of %d failed", name, batch.size());
        }
        // the full batch's tensors are freed now: an idle app holds none of them (the native classifier's idle RSS
        // was 12 MB higher without this)
        NativeHeap.releaseFreeMemory();
    }

    private void loop(BatchFunction<I, O> worker) {
        List<Job<I, O>> batch = new ArrayList<>(options.maxBatchSize());
        while (running) {
            try {
                Job<I, O> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                fill(batch, first.enqueuedAt() + options.maxWait().toNanos());
                if (!run(worker, batch) && queue.isEmpty()) {
                    // the engines free a batch's tensors, but glibc keeps the freed memory: one 20,000-character
                    // translation left the process 800 MB above idle for good. After a short pass it is handed back
                    // once the callers have their answers, and only when no work waits: no latency, nothing under load
                    NativeHeap.releaseFreeMemory();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                batch.forEach(job -> job.result().completeExceptionally(
                        new ModelUnavailableException("Model " + name + " was shut down.")));
                break;
            } catch (RuntimeException | Error e) {
                // never let one bad batch kill the worker: its callers are answered, the next batch runs
                LOG.errorf(e, "Worker of %s failed outside a batch", name);
                batch.forEach(job -> job.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void fill(List<Job<I, O>> batch, long deadline) throws InterruptedException {
        while (batch.size() < options.maxBatchSize()) {
            Job<I, O> next = queue.poll();
            if (next == null) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0 || (next = queue.poll(remaining, TimeUnit.NANOSECONDS)) == null) {
                    return;
                }
            }
            batch.add(next);
        }
    }

    /** Runs one batch and answers its callers; true when it handed the free native memory back first. */
    private boolean run(BatchFunction<I, O> worker, List<Job<I, O>> batch) {
        long start = System.nanoTime();
        List<O> outputs;
        try {
            outputs = apply(worker, batch.stream().map(Job::input).toList());
        } catch (Exception e) {
            if (batch.size() > 1) {
                // one bad input must not fail its neighbours: run each alone to find out whose it is
                for (Job<I, O> job : batch) {
                    run(worker, new ArrayList<>(List.of(job)));
                }
            } else {
                batch.get(0).result().completeExceptionally(unwrap(e));
            }
            return false;
        }
        long elapsed = System.nanoTime() - start;
        inferenceTimer.record(elapsed, TimeUnit.NANOSECONDS);
        batchSizes.record(batch.size());
        // a long pass (a 20,000-character translation) leaves hundreds of MB freed but kept: handed back before the
        // answer, a caller that reads the process's memory once answered finds it near idle. The trim takes 20-50 ms
        // after a 10 s pass; a short pass is answered first.
        boolean releaseFirst = elapsed >= LONG_PASS_NANOS && queue.isEmpty();
        if (releaseFirst) {
            NativeHeap.releaseFreeMemory();
        }
        for (int i = 0; i < batch.size(); i++) {
            Job<I, O> job = batch.get(i);
            job.result().complete(new Inference<>(outputs.get(i), start - job.enqueuedAt(), elapsed, batch.size()));
        }
        return releaseFirst;
    }

    private List<O> apply(BatchFunction<I, O> worker, List<I> inputs) throws Exception {
        List<O> outputs = worker.apply(inputs);
        if (outputs.size() != inputs.size()) {
            throw new IllegalStateException(name + " answered " + outputs.size() + " outputs for " + inputs.size());
        }
        return outputs;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (!(t instanceof LanternException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t instanceof LanternException ? t : e;
    }

    /** Stops the workers and fails whatever still waits. */
    @Override
    public void close() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Job<I, O> job;
        while ((job = queue.poll()) != null) {
            job.result().completeExceptionally(new ModelUnavailableException("Model " + name + " was shut down."));
        }
    }
}
