package dev.lantern.translator;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.lantern.web.json.FourDecimals;

/**
 * One sentence of a text and its translation.
 *
 * @param source the sentence as it was sent
 * @param translation its translation
 * @param confidence how sure the model is of it, 0..1: the chance, judged on held-out in-domain text, that a
 *     translation this certain is usable; below 0.5 the page marks it as unsure
 */
public record TranslatedSentence(String source, String translation,
        @JsonSerialize(using = FourDecimals.class) double confidence) {}
