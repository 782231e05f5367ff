package dev.lantern.shared.serving;

import dev.lantern.shared.engine.NativeHeap;
import dev.lantern.shared.error.ModelUnavailableException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Holds a model that loads in the background, so an app starts serving its other tasks at once and a task whose
 * model is missing answers with the reason instead of taking the process down. A model that is unavailable (a file
 * not there yet, or one its engine cannot load) is tried again, 30 s later and then at doubling intervals up to
 * 5 minutes, so a file put in place later is picked up without a restart and the 503's Retry-After tells the truth;
 * one that fails with an unexpected error (a bug) is not.
 */
public final class ModelSlot<T extends AutoCloseable> implements AutoCloseable {

    public enum State {
        LOADING,
        READY,
        FAILED
    }

    /** {@code retryAtNanos} is 0 when no retry is planned. */
    private record Snapshot<T>(State state, T model, String problem, long retryAtNanos) {}

    private static final Logger LOG = Logger.getLogger(ModelSlot.class);
    private static final int LOADING_RETRY_AFTER_SECONDS = 5;
    private static final Duration CLOSE_WAITS_FOR_LOAD = Duration.ofSeconds(10);
    private static final ScheduledExecutorService RETRIES = Executors.newSingleThreadScheduledExecutor(run -> {
        Thread thread = new Thread(run, "lantern-model-retry");
        thread.setDaemon(true);
        return thread;
    });

    private final String task;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final AtomicReference<Snapshot<T>> current =
            new AtomicReference<>(new Snapshot<>(State.LOADING, null, null, 0));
    private volatile ScheduledFuture<?> retry;
    private volatile Thread loading;

    public ModelSlot(String task) {
        this(task, Duration.ofSeconds(30), Duration.ofMinutes(5));
    }

    ModelSlot(String task, Duration firstRetry, Duration maxRetry) {
        this.task = task;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    /** Loads on a new thread; the slot turns READY or FAILED when {@code loader} returns or throws. */
    public void loadInBackground(Supplier<T> loader) {
        startAttempt(loader, 0);
    }

    private void startAttempt(Supplier<T> loader, int attempt) {
        Thread thread = new Thread(() -> attempt(loader, attempt), "lantern-load-" + task);
        thread.setDaemon(true);
        loading = thread;
        thread.start();
    }

    private void attempt(Supplier<T> loader, int attempt) {
        Snapshot<T> before = current.get();
        try {
            T model = loader.get();
            NativeHeap.releaseFreeMemory(); // what the load freed, kept by malloc, would count as the app's memory
            if (!current.compareAndSet(before, new Snapshot<>(State.READY, model, null, 0))) {
                model.close(); // the slot was closed while the model loaded
            } else if (attempt > 0) {
                LOG.infof("The %s model is ready (attempt %d).", task, attempt + 1);
            }
        } catch (ModelUnavailableException e) {
            Duration delay = retryDelay(attempt);
            if (attempt == 0) {
                // one line with the whole reason, as every 503 answer has it: each missing file, its URL and sha256
                LOG.warnf("The %s model is unavailable: %s Trying again in %d s, then less and less often.", task,
                        e.getMessage(), delay.toSeconds());
                LOG.debugf(e, "The %s model's failure, with its causes", task); // the engines' own reasons
            } else {
                LOG.debugf("The %s model is still unavailable (attempt %d): %s", task, attempt + 1, e.getMessage());
            }
            long retryAt = System.nanoTime() + delay.toNanos();
            if (current.compareAndSet(before, new Snapshot<>(State.FAILED, null, e.getMessage(), retryAt))) {
                retry = RETRIES.schedule(() -> startAttempt(loader, attempt + 1), delay.toNanos(),
                        TimeUnit.NANOSECONDS);
            }
        } catch (Exception | Error e) {
            String problem = "The " + task + " model failed to load: " + e;
            LOG.errorf(e, "%s", problem);
            current.compareAndSet(before, new Snapshot<>(State.FAILED, null, problem, 0));
        }
    }

    private Duration retryDelay(int attempt) {
        Duration delay = firstRetry.multipliedBy(1L << Math.min(attempt, 20));
        return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
    }

    /**
     * The loaded model.
     *
     * @throws ModelUnavailableException while loading, or with the reason when loading failed, and when to ask again
     */
    public T get() {
        Snapshot<T> snapshot = current.get();
        return switch (snapshot.state()) {
            case READY -> snapshot.model();
            case LOADING -> throw new ModelUnavailableException("The " + task
                    + " model is still loading. Retry shortly.", LOADING_RETRY_AFTER_SECONDS);
            case FAILED -> throw snapshot.retryAtNanos() == 0
                    ? new ModelUnavailableException(snapshot.problem())
                    : new ModelUnavailableException(snapshot.problem(), secondsUntil(snapshot.retryAtNanos()));
        };
    }

    private static int secondsUntil(long nanoTime) {
        long nanos = nanoTime - System.nanoTime();
        return (int) Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    public State state() {
        return current.get().state();
    }

    /** Why loading failed, or null. */
    public String problem() {
        return current.get().problem();
    }

    @Override
    public void close() throws Exception {
        ScheduledFuture<?> pending = retry;
        if (pending != null) {
            pending.cancel(false);
        }
        Snapshot<T> last = current.getAndSet(new Snapshot<>(State.FAILED, null, "The " + task + " task is shut down.",
                0));
        if (last.model() != null) {
            last.model().close();
            LOG.infof("The %s model is closed.", task);
        }
        // a load still under way closes what it made when it sees the slot closed; the exit must not come meanwhile,
        // for an engine whose native state goes with the JVM's exit can crash under a model half made
        Thread loader = loading;
        if (loader != null) {
            loader.join(CLOSE_WAITS_FOR_LOAD.toMillis());
        }
    }
}
