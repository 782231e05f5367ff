package dev.lantern.captioner.translator;

/**
 * One detection as the detector's post-processing leaves it: class id, score (objectness × class score) and corners
 * in the frame the box is expressed in (the model's input, or the image after {@link Letterbox#toImage}).
 */
public record Candidate(int classId, float score, float x1, float y1, float x2, float y2) {

    public float area() {
        return Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
    }

    /** Intersection over union with {@code other}; 0 for boxes without area. */
    public float iou(Candidate other) {
        float w = Math.min(x2, other.x2) - Math.max(x1, other.x1);
        float h = Math.min(y2, other.y2) - Math.max(y1, other.y1);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        float intersection = w * h;
        float union = area() + other.area() - intersection;
        return union <= 0 ? 0 : intersection / union;
    }
}
