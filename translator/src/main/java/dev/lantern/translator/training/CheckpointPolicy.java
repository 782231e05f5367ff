package dev.lantern.translator.training;

import java.util.function.BooleanSupplier;

/**
 * Between two batches, whether the training loop saves a checkpoint and whether it stops there: a stop was requested
 * (SIGTERM, Ctrl-C), the time limit is reached, or a checkpoint is due ({@code --checkpoint-minutes}).
 */
final class CheckpointPolicy {

    /** What the loop does after a batch. */
    enum Action {
        /** Train on. */
        CONTINUE,
        /** Save a checkpoint, then train on. */
        CHECKPOINT,
        /** Save a checkpoint and end the run; the same command resumes it. */
        STOP,
        /** Save a checkpoint and end the epoch early; the run ends after its validation. */
        TIME_UP
    }

    private final BooleanSupplier stopRequested;
    private final long deadline;
    private final long everyNanos;
    private long next;

    /**
     * @param timeLimitMinutes 0 for none
     * @param start when the run started, in nanoseconds as {@code System.nanoTime}
     */
    CheckpointPolicy(BooleanSupplier stopRequested, double timeLimitMinutes, double checkpointMinutes, long start) {
        this.stopRequested = stopRequested;
        this.deadline = timeLimitMinutes > 0 ? start + (long) (timeLimitMinutes * 60e9) : Long.MAX_VALUE;
        this.everyNanos = (long) (checkpointMinutes * 60e9);
        this.next = start + everyNanos;
    }

    /** What to do now that a batch is done; a checkpoint that is due schedules the next. */
    Action afterBatch(long now) {
        if (stopRequested.getAsBoolean()) {
            return Action.STOP;
        }
        if (now >= deadline) {
            return Action.TIME_UP;
        }
        if (now >= next) {
            next = now + everyNanos;
            return Action.CHECKPOINT;
        }
        return Action.CONTINUE;
    }
}
