package dev.lantern.translator.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON body of {@code POST /api/translate}.
 *
 * @param text the text to translate; line and paragraph breaks are kept
 * @param source ISO 639-1 code of its language; absent: detected
 * @param target ISO 639-1 code of the language to translate into
 * @param format {@code text} (absent: text) or {@code html}: only the text of the HTML is translated, its markup kept
 */
public record TranslateRequest(
        @Schema(example = "A man is riding a bike.\n\nTwo dogs play in the snow.") String text,
        @Schema(example = "en") String source,
        @Schema(example = "de", required = true) String target,
        @Schema(example = "text", enumeration = {"text", "html"}) String format) {}
