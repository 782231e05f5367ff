package dev.lantern.shared.text;

/**
 * The most likely language of a text.
 *
 * @param code ISO 639-1 code where the language has one ("en", "de"), otherwise the ISO 639-3 code ("yue")
 * @param confidence the detector's probability for it, 0..1
 */
public record DetectedLanguage(String code, double confidence) {}
