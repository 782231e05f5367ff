package dev.lantern.translator.training;

import java.util.Locale;
import java.util.Optional;

/**
 * The progress lines of one training epoch: loss per target token, learning rate, throughput and the epoch's ETA,
 * over the batches since the last line. A line is due every {@code --log-every} batches, after the epoch's last batch,
 * and at least every {@link #MAX_INTERVAL_NANOS}.
 */
final class ProgressLine {

    /** Longest time between two lines, whatever {@code --log-every} says. */
    static final long MAX_INTERVAL_NANOS = 30_000_000_000L;

    private final int every;
    private final int batches;
    private final long epochStart;
    private long intervalStart;
    private double loss;
    private long targetTokens;
    private long allTokens;
    private int done;

    /** An epoch of {@code batches} batches, starting at {@code now} (nanoseconds, as {@code System.nanoTime}). */
    ProgressLine(int every, int batches, long now) {
        this.every = every;
        this.batches = batches;
        this.epochStart = now;
        this.intervalStart = now;
    }

    /** A batch's tokens went through the model: {@code target} predicted, {@code all} with the source's. */
    void counted(long target, long all) {
        targetTokens += target;
        allTokens += all;
    }

    /** The optimizer took the batch's step: its summed loss counts. */
    void stepped(float batchLoss) {
        loss += batchLoss;
    }

    /** The batch's step was skipped (non-finite gradients): its target tokens do not count towards the loss. */
    void skipped(long target) {
        targetTokens -= target;
    }

    /**
     * Batch {@code batch} (0-based) of epoch {@code epoch} (0-based) is done: the line to show when one is due, which
     * starts the next interval.
     */
    Optional<String> batchDone(int epoch, int batch, int step, float learningRate, long now, long runStart) {
        done++;
        if (done % every != 0 && batch != batches - 1 && now - intervalStart < MAX_INTERVAL_NANOS) {
            return Optional.empty();
        }
        double seconds = (now - intervalStart) / 1e9;
        double perBatch = (now - epochStart) / 1e9 / done;
        String line = String.format(Locale.ROOT, "epoch %d batch %d/%d step %d  loss %.3f  lr %.2e  %.0f tgt tok/s"
                + " (%.0f src+tgt)  epoch ETA %s  elapsed %s", epoch + 1, batch + 1, batches, step,
                loss / Math.max(1, targetTokens), learningRate, targetTokens / seconds, allTokens / seconds,
                TrainTranslator.duration(perBatch * (batches - batch - 1)),
                TrainTranslator.duration((now - runStart) / 1e9));
        loss = 0;
        targetTokens = 0;
        allTokens = 0;
        intervalStart = now;
        return Optional.of(line);
    }
}
