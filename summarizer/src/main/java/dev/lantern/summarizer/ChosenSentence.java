package dev.lantern.summarizer;

/**
 * A sentence of the source chosen for the summary.
 *
 * @param index its position among the source's sentences, from 0
 * @param text the sentence
 * @param score how strongly the scorer wanted it, 0..1 (1 for the document's best sentence)
 * @param start offset of its first character in the source text (UTF-16 units, as JavaScript counts), to highlight it
 * @param end offset just past its last character
 */
public record ChosenSentence(int index, String text, double score, int start, int end) {}
