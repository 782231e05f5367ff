package dev.lantern.shared.generation;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The no-repeat-n-gram rule: a token that would complete an n-gram already present in the output is banned, and so
 * is a token that would stand a third time in a row. An undertrained or out-of-domain model otherwise falls into
 * loops ("lolololo…", "3000000…"), and a loop feeds itself because each repeat makes the next one more likely. With
 * n = 3 no 3 tokens in a row appear twice, so a loop dies within a few tokens and the model has to move on or end
 * the sentence; the run rule also stops the shortest loop ("t t t", "2 2 2") the first time round.
 */
final class RepeatedNgrams {

    private static final int[] NONE = new int[0];

    private RepeatedNgrams() {}

    /** Tokens that may not follow {@code prefix} (the generated tokens after BOS); may hold duplicates. */
    static int[] banned(TokenSequence prefix, int n) {
        int size = prefix.size();
        if (n <= 0 || size < n - 1) {
            return NONE;
        }
        int[] banned = new int[4];
        int count = 0;
        if (n > 1 && size >= 2 && prefix.get(size - 1) == prefix.get(size - 2)) {
            banned[count++] = prefix.get(size - 1);
        }
        int tail = size - (n - 1);
        for (int start = 0; start + n <= size; start++) {
            if (matchesTail(prefix, start, tail, n - 1)) {
                if (count == banned.length) {
                    banned = Arrays.copyOf(banned, count * 2);
                }
                banned[count++] = prefix.get(start + n - 1);
            }
        }
        return count == 0 ? NONE : Arrays.copyOf(banned, count);
    }

    private static boolean matchesTail(TokenSequence prefix, int start, int tail, int length) {
        for (int i = 0; i < length; i++) {
            if (prefix.get(start + i) != prefix.get(tail + i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The banned tokens of every row of a decoder batch; {@code most}, the longest list, is how many candidates
     * beyond the needed ones a top-k must fetch so that enough allowed ones remain.
     */
    record Bans(int[][] perRow, int most) {

        static Bans of(int rows, IntFunction<TokenSequence> prefixOfRow, int n) {
            int[][] perRow = new int[rows][];
            int most = 0;
            for (int row = 0; row < rows; row++) {
                perRow[row] = banned(prefixOfRow.apply(row), n);
                most = Math.max(most, perRow[row].length);
            }
            return new Bans(perRow, most);
        }

        boolean allows(int row, long token) {
            for (int b : perRow[row]) {
                if (b == token) {
                    return false;
                }
            }
            return true;
        }
    }
}
