package dev.lantern.summarizer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON body of {@code POST /api/summarize}: the text and at most one length (default: 3 sentences).
 *
 * @param text the text to summarise
 * @param sentences how many sentences the summary has
 * @param words how many words the summary may have at most
 * @param ratio the summary's share of the text's words, above 0 and at most 1
 */
public record SummarizeRequest(
        @Schema(example = "The city council voted on Tuesday to turn the old rail yard into a park. The plan, which"
                + " took four years to draw up, adds 12 hectares of green space near the river. Work starts in"
                + " spring and should end in two years. Residents had asked for a park there since the yard"
                + " closed in 2009.") String text,
        @Schema(example = "2") Integer sentences,
        Integer words,
        Double ratio) {}
