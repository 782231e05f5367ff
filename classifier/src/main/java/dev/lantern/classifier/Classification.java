package dev.lantern.classifier;

import java.util.List;

/** The answer for one image: the top-k labels, most probable first. */
public record Classification(String model, String device, List<Prediction> predictions, ClassificationTimings timings) {}
