package dev.lantern.translator.training;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns SIGTERM or Ctrl-C into a request that the training loop honours between steps. Without it the JVM ran its
 * exit while PyTorch was inside a backward pass and crashed in native code; the shutdown hook here holds the exit
 * until the run has saved its checkpoint and let go of its native memory ({@link #close()}).
 */
final class GracefulStop implements AutoCloseable {

    /** Longest the exit waits: one step, a checkpoint, or a validation that was already running. */
    private static final long WAIT_MINUTES = 5;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::holdExit, "training-stop");

    GracefulStop() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    boolean requested() {
        return requested.get();
    }

    private void holdExit() {
        requested.set(true);
        try {
            finished.await(WAIT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The run is over (finished or stopped): the JVM may exit now. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and returns now that the latch is open
        }
    }
}
