package dev.lantern.summarizer.api;

/**
 * The JSON body of {@code POST /api/summarize}: the text and at most one length (default: 3 sentences).
 *
 * @param text the text to summarise
 * @param sentences how many sentences the summary has
 * @param words how many words the summary may have at most
 * @param ratio the summary's share of the text's words, above 0 and at most 1
 */
public record SummarizeRequest(String text, Integer sentences, Integer words, Double ratio) {}
