package dev.lantern.classifier;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.lantern.web.json.FourDecimals;

/** One label of a classification; the answer gives its probability to four decimals, the Java value is exact. */
public record Prediction(String label, int classIndex, @JsonSerialize(using = FourDecimals.class) double probability) {}
