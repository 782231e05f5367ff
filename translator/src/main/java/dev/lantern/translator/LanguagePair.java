package dev.lantern.translator;

import java.util.Locale;

/** A translation direction, such as English to German ({@code en-de}). */
public record LanguagePair(String source, String target) {

    public static LanguagePair parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("-");
        if (parts.length != 2 || !parts[0].matches("[a-z]{2,3}") || !parts[1].matches("[a-z]{2,3}")
                || parts[0].equals(parts[1])) {
            throw new IllegalArgumentException("a language pair is source-target in ISO 639-1 codes, like en-de,"
                    + " not '" + text + "'");
        }
        return new LanguagePair(parts[0], parts[1]);
    }

    /** "en-de", the pair's name in configuration and URLs. */
    public String id() {
        return source + "-" + target;
    }

    @Override
    public String toString() {
        return id();
    }
}
