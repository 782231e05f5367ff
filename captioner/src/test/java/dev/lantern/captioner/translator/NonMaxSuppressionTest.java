package dev.lantern.captioner.translator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NonMaxSuppressionTest {

    private final NonMaxSuppression nms = new NonMaxSuppression(0.45f, 100);

    private static Candidate box(int cls, float score, float x1, float y1, float x2, float y2) {
        return new Candidate(cls, score, x1, y1, x2, y2);
    }

    @Test
    void overlappingBoxesOfOneClassKeepTheMostConfident() {
        Candidate best = box(0, 0.9f, 0, 0, 100, 100);
        Candidate shifted = box(0, 0.8f, 10, 10, 110, 110); // IoU 8100 / 11900 = 0.68
        assertEquals(List.of(best), nms.apply(List.of(shifted, best)));
    }

    @Test
    void boxesBelowTheIouThresholdBothStay() {
        Candidate a = box(0, 0.9f, 0, 0, 100, 100);
        Candidate b = box(0, 0.8f, 50, 0, 150, 100); // IoU 5000 / 15000 = 0.33
        assertEquals(List.of(a, b), nms.apply(List.of(b, a)));
    }

    @Test
    void differentClassesNeverSuppressEachOther() {
        Candidate person = box(0, 0.7f, 0, 0, 100, 100);
        Candidate tv = box(62, 0.9f, 0, 0, 100, 100);
        assertEquals(List.of(tv, person), nms.apply(List.of(person, tv)));
    }

    @Test
    void aSuppressedBoxDoesNotSuppressOthers() {
        // b overlaps a (goes), c overlaps b but not a: greedy NMS keeps c
        Candidate a = box(1, 0.9f, 0, 0, 100, 100);
        Candidate b = box(1, 0.8f, 30, 0, 130, 100); // IoU with a 0.54
        Candidate c = box(1, 0.7f, 60, 0, 160, 100); // IoU with a 0.25, with b 0.54
        assertEquals(List.of(a, c), nms.apply(List.of(c, b, a)));
    }

    @Test
    void theIouThresholdIsExclusive() {
        // IoU exactly 0.5 with threshold 0.5 stays
        Candidate a = box(0, 0.9f, 0, 0, 100, 100);
        Candidate b = box(0, 0.8f, 0, 0, 100, 50);
        assertEquals(2, new NonMaxSuppression(0.5f, 10).apply(List.of(a, b)).size());
        assertEquals(1, new NonMaxSuppression(0.49f, 10).apply(List.of(a, b)).size());
    }

    @Test
    void keepsAtMostTheLimitMostConfidentFirstAndEqualScoresInInputOrder() {
        List<Candidate> apart = List.of(box(0, 0.5f, 0, 0, 10, 10), box(0, 0.5f, 20, 0, 30, 10),
                box(0, 0.9f, 40, 0, 50, 10), box(0, 0.7f, 60, 0, 70, 10));
        List<Candidate> kept = new NonMaxSuppression(0.45f, 3).apply(apart);
        assertEquals(List.of(apart.get(2), apart.get(3), apart.get(0)), kept);
    }

    @Test
    void emptyInEmptyOutAndBadSettingsAreRefused() {
        assertEquals(List.of(), nms.apply(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new NonMaxSuppression(0f, 10));
        assertThrows(IllegalArgumentException.class, () -> new NonMaxSuppression(0.5f, 0));
    }

    @Test
    void iouOfDisjointAndIdenticalBoxes() {
        Candidate a = box(0, 1, 0, 0, 10, 10);
        assertEquals(1f, a.iou(a), 1e-6);
        assertEquals(0f, a.iou(box(0, 1, 10, 0, 20, 10)), 1e-6);
        assertEquals(25f / 175f, a.iou(box(0, 1, 5, 5, 15, 15)), 1e-6);
    }
}
