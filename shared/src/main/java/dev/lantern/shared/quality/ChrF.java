package dev.lantern.shared.quality;

import java.util.HashMap;
import java.util.Map;

/**
 * Sentence-level chrF (Popović 2015) with sacreBLEU's defaults: character n-grams of orders 1 to 6 taken from the
 * text with its whitespace removed, recall weighted twice as much as precision (β = 2), F averaged over the orders
 * that both sides are long enough to have. 0 to 100. Unlike BLEU it gives a sensible figure for one short sentence,
 * which is what calibrating a per-sentence confidence needs.
 */
public final class ChrF {

    private static final int ORDER = 6;
    private static final double BETA_SQUARED = 4;

    private ChrF() {}

    public static double sentence(String hypothesis, String reference) {
        int[] hyp = withoutSpaces(hypothesis);
        int[] ref = withoutSpaces(reference);
        double sum = 0;
        int orders = 0;
        for (int n = 1; n <= ORDER; n++) {
            Map<String, Integer> hypGrams = ngrams(hyp, n);
            Map<String, Integer> refGrams = ngrams(ref, n);
            if (hypGrams.isEmpty() || refGrams.isEmpty()) {
                continue;
            }
            int matches = 0;
            for (Map.Entry<String, Integer> gram : hypGrams.entrySet()) {
                matches += Math.min(gram.getValue(), refGrams.getOrDefault(gram.getKey(), 0));
            }
            double precision = (double) matches / (hyp.length - n + 1);
            double recall = (double) matches / (ref.length - n + 1);
            double denominator = BETA_SQUARED * precision + recall;
            sum += denominator == 0 ? 0 : (1 + BETA_SQUARED) * precision * recall / denominator;
            orders++;
        }
        return orders == 0 ? 0 : 100 * sum / orders;
    }

    private static int[] withoutSpaces(String text) {
        return text.codePoints().filter(c -> !Character.isWhitespace(c)).toArray();
    }

    private static Map<String, Integer> ngrams(int[] codePoints, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= codePoints.length; i++) {
            counts.merge(new String(codePoints, i, n), 1, Integer::sum);
        }
        return counts;
    }
}
