package dev.lantern.classifier.translator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClassProbabilitiesTest {

    @Test
    void topKMatchesAFullSortAndKeepsTiesInIdOrder() {
        double[] values = new Random(3).doubles(1000).map(v -> Math.round(v * 50) / 50.0).toArray(); // many ties
        int[] expected = IntStream.range(0, values.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -values[i]).thenComparing(i -> i))
                .limit(10).mapToInt(Integer::intValue).toArray();
        assertArrayEquals(expected, new ClassProbabilities(values).top(10));
    }

    @Test
    void topKLargerThanTheClassesGivesThemAll() {
        assertArrayEquals(new int[] {1, 2, 0}, new ClassProbabilities(new double[] {0.1, 0.6, 0.3}).top(5));
    }

    @Test
    void softmaxIsStableForLargeLogits() {
        double[] p = ClassifierTranslator.softmax(new float[] {1000f, 1000f, 998f});
        assertEquals(1.0, p[0] + p[1] + p[2], 1e-12);
        assertEquals(p[0], p[1], 1e-12);
        assertEquals(Math.exp(-2) / (2 + Math.exp(-2)), p[2], 1e-12);
    }
}
