package dev.lantern.summarizer;

import java.util.concurrent.CompletableFuture;

/**
 * Something that summarises a text within a length budget. The extractive summarizer is one; an abstractive one
 * (a sequence-to-sequence model that writes new sentences) can take its place behind the same API later.
 */
public interface Summarizer {

    /** Short name reported by the API. */
    String name();

    /** Summarises {@code text}, already checked to be English and within the size limits. */
    CompletableFuture<Summary> summarize(String text, LengthBudget budget);
}
