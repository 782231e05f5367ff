package dev.lantern.translator.libre;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of LibreTranslate's {@code POST /translate}.
 *
 * @param translatedText a string, or an array of them when {@code q} was an array
 * @param detectedLanguage with {@code source=auto}: a {@link LibreDetection}, or an array of them; else absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LibreTranslation(Object translatedText, Object detectedLanguage) {}
