package dev.lantern.summarizer.translator;

import java.util.List;

/** Sentences embedded together in one forward pass (padded to the longest of them). */
public record SentenceChunk(List<String> sentences) {}
