package dev.lantern.captioner.translator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Greedy per-class non-maximum suppression: the most confident box of a class stays, and every box of the same
 * class that overlaps a kept one by more than the IoU threshold goes. Boxes of different classes never suppress
 * each other (a person may stand in front of a TV).
 */
public final class NonMaxSuppression {

    private final float iouThreshold;
    private final int maxKept;

    public NonMaxSuppression(float iouThreshold, int maxKept) {
        if (iouThreshold <= 0 || iouThreshold > 1 || maxKept < 1) {
            throw new IllegalArgumentException("IoU threshold must be in (0, 1] and maxKept positive: "
                    + iouThreshold + ", " + maxKept);
        }
        this.iouThreshold = iouThreshold;
        this.maxKept = maxKept;
    }

    /** The kept candidates, most confident first (ties: lower class id, then earlier input, first). */
    public List<Candidate> apply(List<Candidate> candidates) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        // stable sort: equal scores keep their input order, so the result is deterministic
        sorted.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Candidate> kept = new ArrayList<>();
        for (Candidate candidate : sorted) {
            if (kept.size() == maxKept) {
                break;
            }
            if (kept.stream().noneMatch(k -> k.classId() == candidate.classId() && k.iou(candidate) > iouThreshold)) {
                kept.add(candidate);
            }
        }
        return kept;
    }
}
