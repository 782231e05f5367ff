package dev.lantern.shared.runtime;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * Allowed ranges of numeric settings, as converters for {@code @WithConverter} on a {@code @ConfigMapping} method. A
 * value out of range stops the start, when the mapping is built, with one line naming the property, the value and what
 * is allowed (SmallRye's SRCFG00039), instead of failing later inside a model's background load.
 */
public final class Ranges {

    private Ranges() {}

    /** Counts and sizes: 1 or more. */
    public static final class AtLeastOne implements Converter<Integer> {
        @Override
        public Integer convert(String value) {
            return atLeast(value, 1);
        }
    }

    /** Counts where 0 means "none" or "Lantern chooses": 0 or more. */
    public static final class AtLeastZero implements Converter<Integer> {
        @Override
        public Integer convert(String value) {
            return atLeast(value, 0);
        }
    }

    /** Byte and pixel limits: 1 or more. */
    public static final class AtLeastOneLong implements Converter<Long> {
        @Override
        public Long convert(String value) {
            try {
                long number = Long.parseLong(value.strip());
                if (number >= 1) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw allowed("a whole number, 1 or more");
        }
    }

    /** Probabilities, scores and overlaps: 0 to 1. */
    public static final class Fraction implements Converter<Double> {
        @Override
        public Double convert(String value) {
            return fraction(value);
        }
    }

    /** {@link Fraction} for a {@code float} setting. */
    public static final class FloatFraction implements Converter<Float> {
        @Override
        public Float convert(String value) {
            return (float) fraction(value);
        }
    }

    /** Weights and exponents, where any sign has a meaning: a finite number (no NaN, no infinity). */
    public static final class Finite implements Converter<Double> {
        @Override
        public Double convert(String value) {
            return number(value, Double.NEGATIVE_INFINITY, "a finite number");
        }
    }

    /** {@link Finite} for a {@code float} setting (a channel mean). */
    public static final class FiniteFloat implements Converter<Float> {
        @Override
        public Float convert(String value) {
            return (float) number(value, Double.NEGATIVE_INFINITY, "a finite number");
        }
    }

    /** Scales and divisors: a finite number above 0. */
    public static final class PositiveFloat implements Converter<Float> {
        @Override
        public Float convert(String value) {
            return (float) number(value, 0, "a number above 0");
        }
    }

    /** An 8-bit colour level: 0 to 255. */
    public static final class ColourLevel implements Converter<Integer> {
        @Override
        public Integer convert(String value) {
            return between(value, 0, 255);
        }
    }

    private static int atLeast(String value, int min) {
        return between(value, min, Integer.MAX_VALUE);
    }

    private static int between(String value, int min, int max) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw allowed("a whole number, " + (max == Integer.MAX_VALUE ? min + " or more" : min + " to " + max));
    }

    private static double fraction(String value) {
        double number = number(value, Double.NEGATIVE_INFINITY, "a number from 0 to 1");
        if (number < 0 || number > 1) {
            throw allowed("a number from 0 to 1");
        }
        return number;
    }

    /** A finite number above {@code exclusiveMin}. */
    private static double number(String value, double exclusiveMin, String what) {
        try {
            double number = Double.parseDouble(value.strip());
            if (Double.isFinite(number) && number > exclusiveMin) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw allowed(what);
    }

    /** SmallRye puts the message after the property's name and value. */
    private static IllegalArgumentException allowed(String what) {
        return new IllegalArgumentException("(allowed: " + what + ")");
    }
}
