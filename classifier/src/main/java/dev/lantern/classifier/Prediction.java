package dev.lantern.classifier;

/** One label of a classification. */
public record Prediction(String label, int classIndex, double probability) {}
