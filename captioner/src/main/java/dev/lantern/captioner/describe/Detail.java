package dev.lantern.captioner.describe;

import dev.lantern.shared.error.BadInputException;
import java.util.Locale;

/** How much a caption says: one sentence, or a sentence and a short list of what else is visible. */
public enum Detail {
    SENTENCE,
    LIST;

    /** From a request's {@code detail} parameter; blank means {@code fallback}. */
    public static Detail parse(String text, Detail fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("detail must be 'sentence' or 'list', not '" + text + "'.");
        }
    }
}
