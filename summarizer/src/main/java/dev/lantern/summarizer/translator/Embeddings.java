package dev.lantern.summarizer.translator;

/** One L2-normalised vector per sentence of a chunk, in the chunk's order; dot products are cosine similarities. */
public record Embeddings(float[][] vectors) {}
