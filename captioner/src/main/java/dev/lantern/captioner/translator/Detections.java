package dev.lantern.captioner.translator;

import java.util.List;

/** What the detector found in one image, most confident first, boxes in the model's input frame. */
public record Detections(List<Candidate> candidates) {

    public Detections {
        candidates = List.copyOf(candidates);
    }
}
