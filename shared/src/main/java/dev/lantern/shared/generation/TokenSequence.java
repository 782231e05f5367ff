package dev.lantern.shared.generation;

import java.util.Arrays;

/** A growable int list for hypothesis prefixes; copies are cheap because prefixes are short. */
final class TokenSequence {

    private int[] tokens;
    private int size;

    TokenSequence() {
        this(new int[8], 0);
    }

    private TokenSequence(int[] tokens, int size) {
        this.tokens = tokens;
        this.size = size;
    }

    void add(int token) {
        if (size == tokens.length) {
            tokens = Arrays.copyOf(tokens, size * 2);
        }
        tokens[size++] = token;
    }

    TokenSequence extendedWith(int token) {
        TokenSequence copy = new TokenSequence(Arrays.copyOf(tokens, Math.max(tokens.length, size + 1)), size);
        copy.add(token);
        return copy;
    }

    int get(int index) {
        return tokens[index];
    }

    int size() {
        return size;
    }

    int[] toArray() {
        return Arrays.copyOf(tokens, size);
    }
}
