package dev.lantern.captioner;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.lantern.web.json.FourDecimals;

/** One object the detector found: its class label, score (objectness × class score) and box in image pixels. */
public record DetectedObject(String label, @JsonSerialize(using = FourDecimals.class) double score, Box box) {}
