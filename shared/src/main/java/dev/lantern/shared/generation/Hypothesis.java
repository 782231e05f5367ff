package dev.lantern.shared.generation;

/**
 * One generated sequence: the tokens after BOS, without EOS; {@code logProbability} is the sum over the generated
 * tokens (EOS included when it was generated) and {@code score} the length-normalised value the search ranked by.
 */
public record Hypothesis(int[] tokens, double logProbability, double score, boolean endedWithEos) {}
