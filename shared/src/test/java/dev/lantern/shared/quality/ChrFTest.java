package dev.lantern.shared.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChrFTest {

    @Test
    void identicalIsHundredAndDisjointIsZero() {
        assertEquals(100, ChrF.sentence("Ein Hund läuft.", "Ein Hund läuft."), 1e-9);
        assertEquals(0, ChrF.sentence("xyz", "abc"), 1e-9);
        assertEquals(0, ChrF.sentence("", "abc"), 1e-9);
    }

    @Test
    void averagesTheOrdersBothSidesHave() {
        // 1-grams: 2 of 3 match (F 2/3); 2-grams: 1 of 2 (F 1/2); 3-grams: none (F 0); no 4- to 6-grams
        assertEquals(100 * (2.0 / 3 + 0.5 + 0) / 3, ChrF.sentence("abc", "abd"), 1e-9);
    }

    @Test
    void ignoresWhitespace() {
        assertEquals(100, ChrF.sentence("a b  c", "abc"), 1e-9);
    }

    @Test
    void weighsRecallOverPrecision() {
        // β = 2: a hypothesis that covers all of a short reference and adds more beats one that covers half of it
        double halfRecalled = 100 * (2.5 / 4.5 + (5.0 / 3) / (4 + 1.0 / 3)) / 2;
        double allRecalled = 100 * (2.5 / 3 + (5.0 / 3) / (4.0 / 3 + 1)) / 2;
        assertEquals(halfRecalled, ChrF.sentence("ab", "abcd"), 1e-9);
        assertEquals(allRecalled, ChrF.sentence("abcd", "ab"), 1e-9);
    }
}
