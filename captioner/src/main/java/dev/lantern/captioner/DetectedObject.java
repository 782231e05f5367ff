package dev.lantern.captioner;

/** One object the detector found: its class label, score (objectness × class score) and box in image pixels. */
public record DetectedObject(String label, double score, Box box) {}
