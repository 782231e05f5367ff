package dev.lantern.summarizer;

import dev.lantern.shared.error.BadInputException;

/**
 * How long a summary may be: a number of sentences, a number of words, or a ratio of the source's words. A word or
 * ratio budget always allows at least one sentence, so that a summary is never empty.
 */
public record LengthBudget(Unit unit, double value) {

    public enum Unit {
        SENTENCES,
        WORDS,
        RATIO
    }

    public LengthBudget {
        boolean valid = switch (unit) {
            case SENTENCES, WORDS -> value >= 1 && value == Math.rint(value);
            case RATIO -> value > 0 && value <= 1;
        };
        if (!valid) {
            throw new BadInputException(switch (unit) {
                case SENTENCES -> "sentences must be a whole number of at least 1, not " + number(value) + ".";
                case WORDS -> "words must be a whole number of at least 1, not " + number(value) + ".";
                case RATIO -> "ratio must be above 0 and at most 1, not " + value + ".";
            });
        }
    }

    /** -1, not -1.0, where the value is whole. */
    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < Long.MAX_VALUE ? Long.toString((long) value)
                : Double.toString(value);
    }

    public static LengthBudget sentences(int n) {
        return new LengthBudget(Unit.SENTENCES, n);
    }

    public static LengthBudget words(int n) {
        return new LengthBudget(Unit.WORDS, n);
    }

    public static LengthBudget ratio(double r) {
        return new LengthBudget(Unit.RATIO, r);
    }

    /**
     * The budget a request asks for: at most one of the three may be given; none means {@code defaultSentences}.
     *
     * @throws BadInputException when several are given or one is out of range
     */
    public static LengthBudget of(Integer sentences, Integer words, Double ratio, int defaultSentences) {
        int given = (sentences != null ? 1 : 0) + (words != null ? 1 : 0) + (ratio != null ? 1 : 0);
        if (given > 1) {
            throw new BadInputException("Give one of sentences, words or ratio, not several.");
        }
        if (words != null) {
            return words(words);
        }
        if (ratio != null) {
            return ratio(ratio);
        }
        return sentences(sentences != null ? sentences : defaultSentences);
    }

    /** Most sentences this budget allows, given the document's sentence count. */
    public int maxSentences(int available) {
        return unit == Unit.SENTENCES ? (int) Math.min(value, available) : available;
    }

    /** Most words this budget allows, given the document's word count; unbounded for a sentence budget. */
    public int maxWords(int totalWords) {
        return switch (unit) {
            case SENTENCES -> Integer.MAX_VALUE;
            case WORDS -> (int) value;
            case RATIO -> (int) Math.round(value * totalWords);
        };
    }
}
