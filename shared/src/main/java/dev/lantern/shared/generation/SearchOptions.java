package dev.lantern.shared.generation;

/**
 * Settings of a search. {@code lengthPenalty} is the exponent α of the score {@code logP / length^α} (length counts
 * EOS): 0 ranks by raw log-probability, which favours short outputs; about 0.6–1.0 is usual for translation.
 * {@code maxLength} bounds the generated tokens, EOS included; a hypothesis that reaches it is finished as it is.
 * {@code noRepeatNgram} n &gt; 1 forbids any n tokens in a row from appearing twice in one output, and any token
 * from standing three times in a row (see {@link RepeatedNgrams}); 0 allows repeats.
 */
public record SearchOptions(int beamSize, double lengthPenalty, int maxLength, int noRepeatNgram) {

    public SearchOptions(int beamSize, double lengthPenalty, int maxLength) {
        this(beamSize, lengthPenalty, maxLength, 0);
    }

    public SearchOptions {
        if (noRepeatNgram < 0) {
            throw new IllegalArgumentException("no-repeat n-gram size must be 0 (off) or more, not "
                    + noRepeatNgram);
        }
        if (beamSize < 1) {
            throw new IllegalArgumentException("beam size must be at least 1, not " + beamSize);
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("maximum length must be at least 1, not " + maxLength);
        }
        if (!Double.isFinite(lengthPenalty)) {
            throw new IllegalArgumentException("length penalty must be a finite number");
        }
    }

    public static SearchOptions greedy(int maxLength) {
        return new SearchOptions(1, 0, maxLength);
    }

    /** The same settings with another maximum length (fitted to a batch's longest source). */
    public SearchOptions withMaxLength(int length) {
        return new SearchOptions(beamSize, lengthPenalty, length, noRepeatNgram);
    }

    double normalise(double logProbability, int length) {
        return lengthPenalty == 0 ? logProbability : logProbability / Math.pow(length, lengthPenalty);
    }
}
