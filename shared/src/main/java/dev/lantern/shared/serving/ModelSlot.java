package dev.lantern.shared.serving;

import dev.lantern.shared.error.ModelUnavailableException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Holds a model that loads in the background, so an app starts serving its other tasks at once and a task whose
 * model is missing answers with the reason instead of taking the process down.
 */
public final class ModelSlot<T extends AutoCloseable> implements AutoCloseable {

    public enum State {
        LOADING,
        READY,
        FAILED
    }

    private record Snapshot<T>(State state, T model, String problem) {}

    private static final Logger LOG = Logger.getLogger(ModelSlot.class);

    private final String task;
    private final AtomicReference<Snapshot<T>> current =
            new AtomicReference<>(new Snapshot<>(State.LOADING, null, null));

    public ModelSlot(String task) {
        this.task = task;
    }

    /** Loads on a new thread; the slot turns READY or FAILED when {@code loader} returns or throws. */
    public void loadInBackground(Supplier<T> loader) {
        Thread thread = new Thread(() -> load(loader), "lantern-load-" + task);
        thread.setDaemon(true);
        thread.start();
    }

    /** Loads on the calling thread. */
    public void load(Supplier<T> loader) {
        Snapshot<T> loading = current.get();
        try {
            T model = loader.get();
            if (!current.compareAndSet(loading, new Snapshot<>(State.READY, model, null))) {
                model.close(); // the slot was closed while the model loaded
            }
        } catch (Exception | Error e) {
            boolean expected = e instanceof ModelUnavailableException;
            String problem = expected ? e.getMessage() : "The " + task + " model failed to load: " + e;
            LOG.errorf(expected ? null : e, "%s", problem);
            current.compareAndSet(loading, new Snapshot<>(State.FAILED, null, problem));
        }
    }

    /**
     * The loaded model.
     *
     * @throws ModelUnavailableException while loading, or with the reason when loading failed
     */
    public T get() {
        Snapshot<T> snapshot = current.get();
        return switch (snapshot.state()) {
            case READY -> snapshot.model();
            case LOADING -> throw new ModelUnavailableException("The " + task + " model is still loading. Retry shortly.");
            case FAILED -> throw new ModelUnavailableException(snapshot.problem());
        };
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
        Snapshot<T> last = current.getAndSet(new Snapshot<>(State.FAILED, null, "The " + task + " task is shut down."));
        if (last.model() != null) {
            last.model().close();
        }
    }
}
