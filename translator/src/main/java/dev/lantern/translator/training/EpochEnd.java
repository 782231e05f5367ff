package dev.lantern.translator.training;

import dev.lantern.translator.model.TranslationModel;
import dev.lantern.translator.training.TrainTranslator.TrainingProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The bookkeeping at the end of an epoch (or of the part of one that the time limit left): whether its validation BLEU
 * is the best so far, where the next run resumes, and the epoch's weights kept beside the checkpoint for averaging.
 */
final class EpochEnd {

    private final Path last;
    private final int keepEpochs;
    private double bestBleu;

    /**
     * @param last the checkpoint folder
     * @param keepEpochs how many epochs' weights to keep (0: none)
     * @param bestBleu the best validation BLEU so far (-1 before any)
     */
    EpochEnd(Path last, int keepEpochs, double bestBleu) {
        this.last = last;
        this.keepEpochs = keepEpochs;
        this.bestBleu = bestBleu;
    }

    double bestBleu() {
        return bestBleu;
    }

    /** True when {@code bleu} beats the best so far, which it then becomes. */
    boolean newBest(double bleu) {
        if (bleu <= bestBleu) {
            return false;
        }
        bestBleu = bleu;
        return true;
    }

    /**
     * Where the next run starts after epoch {@code epoch} (0-based): the next epoch's first batch when it finished,
     * else the batch of the checkpoint the time limit saved.
     */
    TrainingProgress progress(int epoch, boolean finished, int steps) throws IOException {
        return finished ? new TrainingProgress(epoch + 1, 0, steps, bestBleu)
                : new TrainingProgress(epoch, TrainingProgress.read(last).batch(), steps, bestBleu);
    }

    /** Copies the checkpoint's weights as epoch {@code epoch} (1-based) and drops those beyond the kept number. */
    void keepWeights(int epoch) throws IOException {
        if (keepEpochs <= 0) {
            return;
        }
        Path epochs = Files.createDirectories(last.resolve("epochs"));
        Files.copy(last.resolve(TranslationModel.PARAMETERS), epochs.resolve(file(epoch)),
                StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(epochs.resolve(file(epoch - keepEpochs)));
    }

    /** The name of epoch {@code epoch}'s kept weights. */
    static String file(int epoch) {
        return String.format(Locale.ROOT, "epoch-%03d.params", epoch);
    }
}
