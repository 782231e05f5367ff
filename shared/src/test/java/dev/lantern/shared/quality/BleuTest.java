package dev.lantern.shared.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BleuTest {

    @Test
    void tokenizesLike13a() {
        assertArrayEquals(new String[] {"Hello", ",", "world", "!"}, Bleu.tokenize("Hello, world!"));
        // apostrophes and hyphens inside words stay; a dash after a digit, quotes and brackets split
        assertArrayEquals(new String[] {"It's", "a", "x-ray", "from", "1990", "-", "2000", ",", "\"", "ok", "\"",
                "(", "3.5", "and", "1,000", ")", "."},
                Bleu.tokenize("It's a x-ray from 1990-2000, \"ok\" (3.5 and 1,000)."));
        assertArrayEquals(new String[] {"Größe", ":", "5", "&", "mehr"}, Bleu.tokenize("Größe: 5 &amp; mehr"));
        assertArrayEquals(new String[0], Bleu.tokenize("   "));
        // a no-break space separates tokens, as Python's str.split() in sacreBLEU does
        assertArrayEquals(new String[] {"ca", ".", "120", "cm"}, Bleu.tokenize("ca. 120\u00a0cm"));
    }

    @Test
    void perfectMatchScores100() {
        BleuScore score = Bleu.corpus(List.of("Ein Mann fährt Fahrrad."), List.of("Ein Mann fährt Fahrrad."));
        assertEquals(100.0, score.score(), 1e-9);
        assertEquals(1.0, score.brevityPenalty(), 1e-12);
    }

    @Test
    void handComputedSentenceWithExpSmoothing() {
        // 1-grams 5/6, 2-grams 3/5, 3-grams 1/4, 4-grams 0/3 -> smoothed to 1/(2·3); lengths equal, BP 1
        BleuScore score = Bleu.corpus(List.of("the cat sat on the mat"), List.of("the cat is on the mat"));
        double expected = 100 * Math.pow((5.0 / 6) * (3.0 / 5) * (1.0 / 4) * (1.0 / 6), 0.25);
        assertEquals(expected, score.score(), 1e-9);
        assertEquals(100.0 * 5 / 6, score.precisions()[0], 1e-9);
        assertEquals(100.0 / 6, score.precisions()[3], 1e-9);
    }

    @Test
    void brevityPenaltyWhenTooShort() {
        BleuScore score = Bleu.corpus(List.of("a b c d e"), List.of("a b c d e f g h i j"));
        assertEquals(100 * Math.exp(1 - 10.0 / 5), score.score(), 1e-9);
    }

    @Test
    void corpusLevelSumsCountsBeforeDividing() {
        // sentence 1: 4/4 3/3 2/2 1/1; sentence 2: 2/3 1/2 0/1 0/0 -> corpus 6/7 4/5 2/3 1/1; lengths 7 vs 7
        BleuScore score = Bleu.corpus(List.of("a b c d", "x y q"), List.of("a b c d", "x y z"));
        double expected = 100 * Math.pow((6.0 / 7) * (4.0 / 5) * (2.0 / 3) * 1.0, 0.25);
        assertEquals(expected, score.score(), 1e-9);
    }

    @Test
    void clipsRepeatedWordsAndUsesClosestReference() {
        // "the" ×4 clipped to 2; closest reference length 4 (tie with 6 goes to the shorter)
        BleuScore score = Bleu.corpusMulti(List.of("the the the the the"),
                List.of(List.of("the cat the dog", "the a b c d the")));
        assertEquals(100.0 * 2 / 5, score.precisions()[0], 1e-9);
        assertEquals(4, score.referenceLength());
        assertEquals(0.0, Bleu.corpus(List.of(""), List.of("a b")).score());
        assertThrows(IllegalArgumentException.class, () -> Bleu.corpus(List.of("a"), List.of()));
    }
}
