package dev.lantern.shared.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

class RangesTest {

    private static String refusal(Converter<?> converter, String value) {
        return assertThrows(IllegalArgumentException.class, () -> converter.convert(value)).getMessage();
    }

    @Test
    void valuesInRangePass() {
        assertEquals(1, new Ranges.AtLeastOne().convert(" 1 "));
        assertEquals(0, new Ranges.AtLeastZero().convert("0"));
        assertEquals(40_000_000L, new Ranges.AtLeastOneLong().convert("40000000"));
        assertEquals(1.0, new Ranges.Fraction().convert("1"));
        assertEquals(0.45f, new Ranges.FloatFraction().convert("0.45"));
        assertEquals(255, new Ranges.ColourLevel().convert("255"));
        assertEquals(-0.5, new Ranges.Finite().convert("-0.5"));
        assertEquals(0.229f, new Ranges.PositiveFloat().convert("0.229"));
    }

    @Test
    void valuesOutOfRangeSayWhatIsAllowed() {
        assertEquals("(allowed: a whole number, 1 or more)", refusal(new Ranges.AtLeastOne(), "0"));
        assertEquals("(allowed: a whole number, 1 or more)", refusal(new Ranges.AtLeastOne(), "two"));
        assertEquals("(allowed: a whole number, 0 or more)", refusal(new Ranges.AtLeastZero(), "-1"));
        assertEquals("(allowed: a whole number, 1 or more)", refusal(new Ranges.AtLeastOneLong(), "0"));
        assertEquals("(allowed: a number from 0 to 1)", refusal(new Ranges.Fraction(), "1.01"));
        assertEquals("(allowed: a number from 0 to 1)", refusal(new Ranges.FloatFraction(), "NaN"));
        assertEquals("(allowed: a whole number, 0 to 255)", refusal(new Ranges.ColourLevel(), "256"));
        assertEquals("(allowed: a finite number)", refusal(new Ranges.Finite(), "Infinity"));
        assertEquals("(allowed: a number above 0)", refusal(new Ranges.PositiveFloat(), "0"));
    }
}
