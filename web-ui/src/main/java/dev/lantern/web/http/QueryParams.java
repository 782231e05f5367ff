package dev.lantern.web.http;

import dev.lantern.shared.error.BadInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Query values, taken as Strings by the resources and read here. A typed parameter ({@code @RestQuery Integer}) that
 * fails conversion is a 404 by Jakarta REST's rule; read here it is a 400 that names the parameter. A parameter that
 * is absent or empty (a cleared form field) is not given: the caller's default applies. Ranges are the task's to check.
 */
public final class QueryParams {

    private QueryParams() {}

    /** A whole number, such as {@code topK=3}. */
    public static Optional<Integer> wholeNumber(String name, String value) {
        if (absent(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw new BadInputException(name + " must be a whole number, not '" + value + "'.");
        }
    }

    /** A decimal number, such as {@code ratio=0.2}. */
    public static Optional<Double> number(String name, String value) {
        if (absent(value)) {
            return Optional.empty();
        }
        try {
            double number = Double.parseDouble(value.strip());
            if (Double.isFinite(number)) {
                return Optional.of(number);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadInputException(name + " must be a number, not '" + value + "'.");
    }

    /** One of an enum's constants, written in lower case ({@code detail=list}); case does not matter. */
    public static <E extends Enum<E>> Optional<E> oneOf(String name, String value, Class<E> choices) {
        if (absent(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(choices, value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(choices.getEnumConstants())
                    .map(choice -> "'" + choice.name().toLowerCase(Locale.ROOT) + "'")
                    .collect(Collectors.joining(", "));
            throw new BadInputException(name + " must be one of " + allowed + ", not '" + value + "'.");
        }
    }

    private static boolean absent(String value) {
        return value == null || value.isBlank();
    }
}
