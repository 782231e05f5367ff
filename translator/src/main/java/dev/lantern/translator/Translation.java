package dev.lantern.translator;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.lantern.web.json.FourDecimals;
import java.util.List;

/**
 * A translated text.
 *
 * @param translation the text in the target language, with the source's line and paragraph breaks
 * @param source ISO 639-1 code of the source language
 * @param detectedSource whether the source language was detected rather than given
 * @param target ISO 639-1 code of the target language
 * @param model the model that translated it
 * @param confidence the sentences' confidences averaged by their length in characters, 0..1 (1 when the text had no
 *     sentence to translate)
 * @param sentences every sentence of the text with its translation and confidence, in order
 * @param timings where the time went
 */
public record Translation(String translation, String source, boolean detectedSource, String target, String model,
        @JsonSerialize(using = FourDecimals.class) double confidence, List<TranslatedSentence> sentences,
        TranslationTimings timings) {}
