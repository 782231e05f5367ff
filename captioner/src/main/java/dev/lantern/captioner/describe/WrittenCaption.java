package dev.lantern.captioner.describe;

/**
 * A caption and how sure the models were of what it says.
 *
 * @param text the sentence
 * @param confidence 0..1: the least of the scores of what the sentence names (for the composer, each named group's
 *     best box, strengthened by the classifier's labels of its kind; each classifier label it uses)
 */
public record WrittenCaption(String text, double confidence) {}
