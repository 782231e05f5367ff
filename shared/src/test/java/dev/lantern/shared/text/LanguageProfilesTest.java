package dev.lantern.shared.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LanguageProfilesTest {

    @Test
    void wordsArePaddedAndCutIntoOneToThreeGrams() {
        assertEquals(List.of("l", "a", " l", "la", "a ", " la", "la "), LanguageProfiles.ngrams("La"));
        assertEquals(List.of("o", " o", "o ", " o "), LanguageProfiles.ngrams("42, o!"));
    }

    @Test
    void posteriorsFavourTheLanguageWhoseNgramsTheTextUsesAndSumToOne() throws IOException {
        // two toy languages: one writes "aa", the other "bb"; an n-gram neither showed gets the floor
        LanguageProfiles toy = LanguageProfiles.read(new BufferedReader(new StringReader(String.join("\n",
                "xa\ta\t-0.1", "xa\t<floor-1>\t-5", "xa\t<floor-2>\t-5", "xa\t<floor-3>\t-5",
                "xb\tb\t-0.1", "xb\t<floor-1>\t-5", "xb\t<floor-2>\t-5", "xb\t<floor-3>\t-5"))));
        Map<String, Double> posteriors = toy.posteriors("a");
        assertEquals("xa", posteriors.keySet().iterator().next());
        assertEquals(1.0, posteriors.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        assertTrue(posteriors.get("xa") > 0.99, posteriors.toString());
    }

    @Test
    void theShippedProfilesCoverTheTranslatorsLanguages() {
        LanguageProfiles shipped = LanguageProfiles.load();
        assertEquals(List.of("en", "de", "fr"), shipped.languages());
        assertEquals("de", shipped.posteriors("Guten Morgen, wie geht es dir?").keySet().iterator().next());
    }

    @Test
    void countsLettersOnly() {
        assertEquals(5, LanguageProfiles.letters("Hallo!! 123"));
        assertEquals(5, LanguageProfiles.letters("Où est ?"));
    }
}
