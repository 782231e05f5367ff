package dev.lantern.shared.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class RepeatedNgramsTest {

    @Test
    void bansTheTokenThatWouldCompleteASeenNgram() {
        TokenSequence prefix = sequence(7, 8, 9, 7, 8);
        assertArrayEquals(new int[] {9}, RepeatedNgrams.banned(prefix, 3));
        assertArrayEquals(new int[] {9}, RepeatedNgrams.banned(prefix, 2));
        assertArrayEquals(new int[] {8, 9}, RepeatedNgrams.banned(sequence(7, 8, 7, 9, 7), 2));
        assertArrayEquals(new int[] {7, 8, 9, 7, 8}, RepeatedNgrams.banned(prefix, 1));
        assertArrayEquals(new int[0], RepeatedNgrams.banned(prefix, 0));
        assertArrayEquals(new int[0], RepeatedNgrams.banned(sequence(7, 8, 9), 3));
        assertArrayEquals(new int[0], RepeatedNgrams.banned(sequence(), 3));
        // a third time in a row is banned even before any 3-gram repeats; with the rule off, nothing is
        assertArrayEquals(new int[] {4}, RepeatedNgrams.banned(sequence(7, 4, 4), 3));
        assertArrayEquals(new int[0], RepeatedNgrams.banned(sequence(7, 4, 4), 0));
    }

    private static TokenSequence sequence(int... tokens) {
        TokenSequence sequence = new TokenSequence();
        for (int token : tokens) {
            sequence.add(token);
        }
        return sequence;
    }
}
