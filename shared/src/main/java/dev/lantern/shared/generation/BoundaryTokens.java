package dev.lantern.shared.generation;

/** Ids of the start-of-sequence token fed first to the decoder and of the end-of-sequence token it emits last. */
public record BoundaryTokens(int bos, int eos) {}
