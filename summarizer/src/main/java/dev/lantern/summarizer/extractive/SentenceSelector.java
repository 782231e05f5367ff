package dev.lantern.summarizer.extractive;

import dev.lantern.summarizer.LengthBudget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses sentences by maximal marginal relevance within a length budget: each step takes the sentence with the best
 * {@code (1 - redundancy) × score - redundancy × (highest similarity to a sentence already taken)}, skipping sentences
 * that would overflow a word budget, until the budget is spent. Sentences shorter than {@code minWords} are taken only
 * if nothing else fits. The first choice always fits, so a summary is never empty.
 */
public final class SentenceSelector {

    private final double redundancy;
    private final int minWords;

    public SentenceSelector(double redundancy, int minWords) {
        this.redundancy = redundancy;
        this.minWords = minWords;
    }

    /** Indices of the chosen sentences, in document order. */
    public List<Integer> select(double[] scores, double[][] sim, int[] words, LengthBudget budget) {
        int n = scores.length;
        int totalWords = Arrays.stream(words).sum();
        int maxSentences = budget.maxSentences(n);
        int maxWords = budget.maxWords(totalWords);
        boolean[] taken = new boolean[n];
        List<Integer> chosen = new ArrayList<>();
        int usedWords = 0;
        while (chosen.size() < maxSentences) {
            int best = pick(scores, sim, words, taken, chosen, maxWords - usedWords, true);
            if (best < 0) {
                best = pick(scores, sim, words, taken, chosen, maxWords - usedWords, false);
            }
            if (best < 0) {
                break;
            }
            taken[best] = true;
            chosen.add(best);
            usedWords += words[best];
        }
        if (chosen.isEmpty() && n > 0) {
            chosen.add(argMax(scores)); // a word budget below the shortest sentence still gets one sentence
        }
        chosen.sort(Integer::compare);
        return chosen;
    }

    private int pick(double[] scores, double[][] sim, int[] words, boolean[] taken, List<Integer> chosen,
            int wordsLeft, boolean longEnoughOnly) {
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scores.length; i++) {
            if (taken[i] || words[i] > wordsLeft || (longEnoughOnly && words[i] < minWords)) {
                continue;
            }
            double overlap = 0;
            for (int j : chosen) {
                overlap = Math.max(overlap, sim[i][j]);
            }
            double value = (1 - redundancy) * scores[i] - redundancy * overlap;
            if (value > bestValue) {
                bestValue = value;
                best = i;
            }
        }
        return best;
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
