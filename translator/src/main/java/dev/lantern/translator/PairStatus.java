package dev.lantern.translator;

/**
 * A language pair as {@code GET /api/translate/languages} lists it.
 *
 * @param source ISO 639-1 code of the source language
 * @param sourceName its English name
 * @param target ISO 639-1 code of the target language
 * @param targetName its English name
 * @param state ready, loading or unavailable
 * @param message why it is unavailable and how to get the model, or null
 */
public record PairStatus(String source, String sourceName, String target, String targetName, String state,
        String message) {}
