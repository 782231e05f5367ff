package dev.lantern.shared.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private static final LanguageDetector DETECTOR = new LanguageDetector();

    @Test
    void answersTwoLetterCodes() {
        DetectedLanguage en = DETECTOR.detect("The president met with lawmakers on Tuesday to discuss the budget and"
                + " the coming elections, officials said.");
        assertEquals("en", en.code());
        // a probability over 103 languages: the best one is well above a uniform 1/103
        assertTrue(en.confidence() > 0.05 && en.confidence() <= 1, "confidence " + en.confidence());
        assertEquals("de", DETECTOR.detect("Der Präsident traf sich am Dienstag mit den Abgeordneten, um über den"
                + " Haushalt und die kommenden Wahlen zu sprechen.").code());
        assertEquals("fr", DETECTOR.detect("Le président a rencontré les députés mardi pour discuter du budget et"
                + " des prochaines élections, ont indiqué des responsables.").code());
    }

    @Test
    void mapsThreeLetterCodes() {
        assertEquals("en", LanguageDetector.toIso6391("eng"));
        assertEquals("zh", LanguageDetector.toIso6391("cmn"));
        assertEquals("yue", LanguageDetector.toIso6391("yue"));
    }
}
