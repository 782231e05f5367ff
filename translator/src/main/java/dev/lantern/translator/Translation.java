package dev.lantern.translator;

/**
 * A translated text.
 *
 * @param translation the text in the target language, with the source's line and paragraph breaks
 * @param source ISO 639-1 code of the source language
 * @param detectedSource whether the source language was detected rather than given
 * @param target ISO 639-1 code of the target language
 * @param model the model that translated it
 * @param timings where the time went
 */
public record Translation(String translation, String source, boolean detectedSource, String target, String model,
        Timings timings) {}
