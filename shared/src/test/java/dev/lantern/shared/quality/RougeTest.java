package dev.lantern.shared.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values worked out by hand with rouge_score's definitions. */
class RougeTest {

    private static final double EPS = 1e-9;

    @Test
    void tokensAreLowerCasedAlphanumericAndStemmed() {
        assertEquals(List.of("u", "s", "led", "forc", "run", "dog", "in", "2015"),
                Rouge.tokens("U.S.-led forces, running DOGS in 2015!"));
        assertEquals(List.of(), Rouge.tokens(" -- ... "));
        // non-ASCII letters are dropped like rouge_score drops them
        assertEquals(List.of("caf", "au", "lait"), Rouge.tokens("Café au lait"));
    }

    @Test
    void sameLengthTextsWithOneWordSwapped() {
        RougeScores s = Rouge.score("the cat sat on the mat", "the cat was on the mat");
        assertEquals(5.0 / 6, s.rouge1(), EPS); // the x2, cat, on, mat
        assertEquals(3.0 / 5, s.rouge2(), EPS); // "the cat", "on the", "the mat" of 5 bigrams each
        assertEquals(5.0 / 6, s.rougeL(), EPS); // the cat on the mat
    }

    @Test
    void precisionAndRecallDifferWhenLengthsDiffer() {
        RougeScores s = Rouge.score("a b c d", "a b");
        assertEquals(2 * 0.5 * 1 / 1.5, s.rouge1(), EPS); // P 2/4, R 2/2
        assertEquals(2 * (1.0 / 3) / (1.0 / 3 + 1), s.rouge2(), EPS); // P 1/3, R 1/1
        assertEquals(2 * 0.5 / 1.5, s.rougeL(), EPS);
    }

    @Test
    void lcsKeepsOrderWhereUnigramsDoNot() {
        RougeScores s = Rouge.score("d c b a", "a b c d");
        assertEquals(1.0, s.rouge1(), EPS);
        assertEquals(0.0, s.rouge2(), EPS);
        assertEquals(0.25, s.rougeL(), EPS);
    }

    @Test
    void stemmingMakesInflectionsMatch() {
        assertEquals(1.0, Rouge.score("Running dogs", "runs dog").rouge1(), EPS);
    }

    @Test
    void repeatedWordsAreClippedToTheReferenceCount() {
        // candidate "the the the", reference "the cat": overlap min(3,1) = 1; P 1/3, R 1/2
        assertEquals(2 * (1.0 / 3) * 0.5 / (1.0 / 3 + 0.5), Rouge.score("the the the", "the cat").rouge1(), EPS);
    }

    @Test
    void emptyTextsScoreZero() {
        assertEquals(new RougeScores(0, 0, 0), Rouge.score("", "a reference"));
        assertEquals(new RougeScores(0, 0, 0), Rouge.score("a candidate", "..."));
    }
}
