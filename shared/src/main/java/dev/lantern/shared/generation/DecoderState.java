package dev.lantern.shared.generation;

import ai.djl.ndarray.NDArray;

/**
 * The decoder of one search in progress: its rows are hypotheses, and it keeps each row's key/value cache so that a
 * step costs one token's work. Implementations free the arrays that {@link #select} replaces.
 */
public interface DecoderState {

    /** Current number of rows (hypotheses). */
    int rows();

    /**
     * Feeds one token per row (the BOS token at the first step) and returns the log-probabilities of the next token:
     * float32, shape {@code [rows, vocabulary]}. The caller closes the returned array.
     */
    NDArray step(int[] lastTokens);

    /**
     * Keeps the rows {@code rows} in that order, duplicates allowed (a beam that branches into two hypotheses) and
     * rows left out are dropped (finished hypotheses, finished sources).
     */
    void select(int[] rows);
}
