package dev.lantern.summarizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lantern.shared.error.BadInputException;
import org.junit.jupiter.api.Test;

class LengthBudgetTest {

    @Test
    void defaultsToSentencesAndTakesOneKind() {
        assertEquals(LengthBudget.sentences(3), LengthBudget.of(null, null, null, 3));
        assertEquals(LengthBudget.words(40), LengthBudget.of(null, 40, null, 3));
        assertEquals(LengthBudget.ratio(0.2), LengthBudget.of(null, null, 0.2, 3));
        assertThrows(BadInputException.class, () -> LengthBudget.of(2, 40, null, 3));
    }

    @Test
    void rejectsValuesOutOfRange() {
        assertThrows(BadInputException.class, () -> LengthBudget.sentences(0));
        assertThrows(BadInputException.class, () -> LengthBudget.words(-5));
        assertThrows(BadInputException.class, () -> LengthBudget.ratio(0));
        assertThrows(BadInputException.class, () -> LengthBudget.ratio(1.5));
    }

    @Test
    void limitsFollowTheUnit() {
        assertEquals(2, LengthBudget.sentences(5).maxSentences(2));
        assertEquals(Integer.MAX_VALUE, LengthBudget.sentences(5).maxWords(100));
        assertEquals(40, LengthBudget.words(40).maxWords(1000));
        assertEquals(10, LengthBudget.words(40).maxSentences(10));
        assertEquals(25, LengthBudget.ratio(0.25).maxWords(100));
    }
}
