package dev.lantern.summarizer.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lantern.summarizer.LengthBudget;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The length budget and MMR redundancy control. */
class SentenceSelectorTest {

    private static final double[] SCORES = {0.9, 1.0, 0.2, 0.8, 0.5};
    private static final int[] WORDS = {20, 12, 30, 8, 15};
    /** Sentences 1 and 3 say the same thing. */
    private static final double[][] SIM = {
        {1, 0.1, 0.1, 0.1, 0.1},
        {0.1, 1, 0.1, 0.95, 0.1},
        {0.1, 0.1, 1, 0.1, 0.1},
        {0.1, 0.95, 0.1, 1, 0.1},
        {0.1, 0.1, 0.1, 0.1, 1},
    };

    @Test
    void sentenceBudgetTakesTheBestInDocumentOrder() {
        assertEquals(List.of(0, 1, 3), new SentenceSelector(0, 0).select(SCORES, SIM, WORDS, LengthBudget.sentences(3)));
        // more sentences than the document has: all of them
        assertEquals(List.of(0, 1, 2, 3, 4),
                new SentenceSelector(0, 0).select(SCORES, SIM, WORDS, LengthBudget.sentences(9)));
    }

    @Test
    void redundancyControlSkipsTheNearDuplicate() {
        assertEquals(List.of(0, 1, 4), new SentenceSelector(0.5, 0).select(SCORES, SIM, WORDS, LengthBudget.sentences(3)));
    }

    @Test
    void wordBudgetIsNeverExceeded() {
        // 1 (12 words); 0 (20) would overflow 30, so 3 (8) next; nothing else fits in the 10 left
        List<Integer> chosen = new SentenceSelector(0, 0).select(SCORES, SIM, WORDS, LengthBudget.words(30));
        assertEquals(List.of(1, 3), chosen);
        // with 35: 1 (12) and 0 (20), and 3 words are left for nobody
        assertEquals(List.of(0, 1), new SentenceSelector(0, 0).select(SCORES, SIM, WORDS, LengthBudget.words(35)));
    }

    @Test
    void ratioBudgetCountsTheSourceWords() {
        // 85 words in all; 0.25 of them is 21: sentence 1 (12) and 3 (8)
        assertEquals(List.of(1, 3), new SentenceSelector(0, 0).select(SCORES, SIM, WORDS, LengthBudget.ratio(0.25)));
    }

    @Test
    void aBudgetBelowEverySentenceStillGivesOne() {
        assertEquals(List.of(1), new SentenceSelector(0, 0).select(SCORES, SIM, WORDS, LengthBudget.words(3)));
    }

    @Test
    void shortSentencesOnlyWhenNothingElseIsLeft() {
        // minWords 10 rules out sentence 3 (8 words) while others remain
        assertEquals(List.of(0, 1, 4), new SentenceSelector(0, 10).select(SCORES, SIM, WORDS, LengthBudget.sentences(3)));
        assertEquals(List.of(0, 1, 2, 3, 4),
                new SentenceSelector(0, 10).select(SCORES, SIM, WORDS, LengthBudget.sentences(5)));
    }
}
