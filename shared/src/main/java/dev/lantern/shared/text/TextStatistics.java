package dev.lantern.shared.text;

/** Counts that text tasks share, so that a word budget means the same everywhere. */
public final class TextStatistics {

    private TextStatistics() {}

    /** Runs of non-whitespace characters. */
    public static int words(CharSequence text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }
}
