package dev.lantern.translator.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.translator.model.TranslationConfidence;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrateConfidenceTest {

    @Test
    void aurocCountsOrderedPairsAndTiesHalf() {
        assertEquals(1.0, CalibrateConfidence.auroc(List.of(0.9, 0.8), List.of(0.1, 0.2)), 1e-12);
        assertEquals(0.0, CalibrateConfidence.auroc(List.of(0.1), List.of(0.9)), 1e-12);
        assertEquals(0.5, CalibrateConfidence.auroc(List.of(0.5), List.of(0.5)), 1e-12);
        assertTrue(Double.isNaN(CalibrateConfidence.auroc(List.of(), List.of(0.5))));
    }

    @Test
    void theReportSaysHowManyAboveThePageLineAreGood() {
        // confidence = logistic(x): x = 2 → 0.88, x = -2 → 0.12
        TranslationConfidence identity = new TranslationConfidence(1, 0);
        CalibrateConfidence.Scored set = new CalibrateConfidence.Scored("toy", List.of(2.0, 2.0, 2.0, -2.0, -2.0),
                List.of(true, true, false, true, false), 0);
        CalibrateConfidence.Report report = CalibrateConfidence.Report.of(identity, set);
        assertEquals(5, report.pairs());
        assertEquals(0.6, report.goodShare(), 1e-12);
        assertEquals(2.0 / 3, report.precision(), 1e-12); // 3 at or above 0.5, 2 of them good
        assertEquals(2.0 / 3, report.recall(), 1e-12); // 3 good, 2 of them at or above 0.5
        // good: 0.88, 0.88, 0.12; bad: 0.88, 0.12 → wins 0.5 + 1 + 0.5 + 1 + 0 + 0.5 = 3.5 of 6
        assertEquals(3.5 / 6, report.auroc(), 1e-12);
    }

    @Test
    void aPooledSetHoldsEveryPairOfItsSetsInOrder() {
        CalibrateConfidence.Scored a = new CalibrateConfidence.Scored("everyday", List.of(-0.1, -2.0),
                List.of(true, false), 20);
        CalibrateConfidence.Scored b = new CalibrateConfidence.Scored("general", List.of(-0.5), List.of(true), 10);
        CalibrateConfidence.Scored pooled = CalibrateConfidence.Scored.pooled(List.of(a, b));
        assertEquals("pooled: everyday + general", pooled.name());
        assertEquals(List.of(-0.1, -2.0, -0.5), pooled.meanLogProbabilities());
        assertEquals(List.of(true, false, true), pooled.good());
        assertTrue(Double.isNaN(pooled.bleu()));
    }
}
