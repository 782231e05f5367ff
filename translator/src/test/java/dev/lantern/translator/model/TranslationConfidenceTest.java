package dev.lantern.translator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranslationConfidenceTest {

    @Test
    void fitRecoversTheCurveThatMadeTheLabels() {
        TranslationConfidence truth = new TranslationConfidence(6, 4);
        Random random = new Random(7);
        List<Double> scores = new ArrayList<>();
        List<Boolean> usable = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double meanLogProbability = -2 * random.nextDouble();
            scores.add(meanLogProbability);
            usable.add(random.nextDouble() < truth.of(meanLogProbability));
        }
        TranslationConfidence fitted = TranslationConfidence.fit(scores, usable);
        assertEquals(6, fitted.slope(), 0.5);
        assertEquals(4, fitted.intercept(), 0.4);
        assertTrue(fitted.of(-0.1) > 0.9 && fitted.of(-1.9) < 0.01, fitted.toString());
    }

    @Test
    void aModelFolderKeepsItsCurve(@TempDir Path dir) throws IOException {
        TranslationConfidence uncalibrated = TranslationConfidence.load(dir);
        assertFalse(uncalibrated.calibrated());
        assertEquals(Math.exp(-0.5), uncalibrated.of(-0.5), 1e-12, "the geometric mean token probability");

        new TranslationConfidence(5.5, 3.25).save(dir, "test");
        TranslationConfidence loaded = TranslationConfidence.load(dir);
        assertTrue(loaded.calibrated());
        assertEquals(new TranslationConfidence(5.5, 3.25), loaded);
        assertEquals(0.5, loaded.of(-3.25 / 5.5), 1e-12);
    }
}
