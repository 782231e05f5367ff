package dev.lantern.shared.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
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
    void shortSentencesAreToldAmongTheCandidates() {
        Set<String> served = Set.of("en", "de");
        // judged alone against 103 languages, "A man is riding a bike." is Minangkabau and "Wo ist der Bahnhof?"
        // Low German
        for (String english : List.of("A man is riding a bike.", "Two dogs play in the snow.",
                "A girl in a red coat waits for the bus.", "Where is the train station?")) {
            assertEquals("en", DETECTOR.detectAmong(english, served).code(), english);
        }
        for (String german : List.of("Ein Mann fährt Fahrrad.", "Zwei Hunde spielen im Schnee.",
                "Ein Mädchen in einem roten Mantel wartet auf den Bus.", "Wo ist der Bahnhof?")) {
            assertEquals("de", DETECTOR.detectAmong(german, served).code(), german);
        }
    }

    @Test
    void aLanguageFarFromEveryCandidateIsNamedAsItself() {
        Set<String> served = Set.of("en", "de");
        assertEquals("cs", DETECTOR.detectAmong("Muž v modrém tričku jede na kole po ulici.", served).code());
        assertEquals("es", DETECTOR.detectAmong("Dos perros juegan en la nieve cerca del río.", served).code());
        assertEquals("fr", DETECTOR.detectAmong("Une femme lit un livre dans le jardin pendant que les enfants"
                + " jouent.", served).code());
    }

    @Test
    void mapsThreeLetterCodes() {
        assertEquals("en", LanguageDetector.toIso6391("eng"));
        assertEquals("zh", LanguageDetector.toIso6391("cmn"));
        assertEquals("yue", LanguageDetector.toIso6391("yue"));
    }
}
