package dev.lantern.translator.model;

/**
 * One sentence's translation and how sure the model was of it.
 *
 * @param text the translation
 * @param meanLogProbability the model's mean log-probability per generated token (end of sentence included): near 0
 *     when every word was an easy choice, far below when the model was guessing
 */
public record SentenceTranslation(String text, double meanLogProbability) {}
