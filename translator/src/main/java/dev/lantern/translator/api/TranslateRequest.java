package dev.lantern.translator.api;

/**
 * The JSON body of {@code POST /api/translate}.
 *
 * @param text the text to translate; line and paragraph breaks are kept
 * @param source ISO 639-1 code of its language; absent: detected
 * @param target ISO 639-1 code of the language to translate into
 */
public record TranslateRequest(String text, String source, String target) {}
