package dev.lantern.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lantern.shared.error.BadInputException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

    private enum Size {
        SMALL,
        LARGE
    }

    @Test
    void valuesAreReadAndAnEmptyOrMissingOneIsNotGiven() {
        assertEquals(Optional.of(3), QueryParams.wholeNumber("topK", " 3 "));
        assertEquals(Optional.of(-1), QueryParams.wholeNumber("words", "-1"));
        assertEquals(Optional.of(0.25), QueryParams.number("ratio", "0.25"));
        assertEquals(Optional.of(Size.LARGE), QueryParams.oneOf("size", "Large", Size.class));
        assertEquals(Optional.empty(), QueryParams.wholeNumber("topK", null));
        assertEquals(Optional.empty(), QueryParams.number("ratio", ""));
        assertEquals(Optional.empty(), QueryParams.oneOf("size", " ", Size.class));
    }

    @Test
    void aValueThatIsNotOfItsKindIsBadInputNamingTheParameter() {
        assertEquals("sentences must be a whole number, not 'abc'.",
                assertThrows(BadInputException.class, () -> QueryParams.wholeNumber("sentences", "abc")).getMessage());
        assertEquals("topK must be a whole number, not '2.5'.",
                assertThrows(BadInputException.class, () -> QueryParams.wholeNumber("topK", "2.5")).getMessage());
        assertEquals("ratio must be a number, not 'NaN'.",
                assertThrows(BadInputException.class, () -> QueryParams.number("ratio", "NaN")).getMessage());
        assertEquals("size must be one of 'small', 'large', not 'huge'.",
                assertThrows(BadInputException.class, () -> QueryParams.oneOf("size", "huge", Size.class))
                        .getMessage());
    }
}
