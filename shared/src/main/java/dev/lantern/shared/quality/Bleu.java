package dev.lantern.shared.quality;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Corpus BLEU as sacreBLEU computes it by default: 13a tokenisation, case kept, n-grams up to 4, clipped counts
 * summed over the corpus, the closest reference length for the brevity penalty, and sacreBLEU's "exp" smoothing for
 * an n-gram order without matches. Figures are comparable with {@code sacrebleu ref.txt < hyp.txt}.
 */
public final class Bleu {

    private static final int MAX_ORDER = 4;
    private static final Pattern PUNCTUATION = Pattern.compile("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])");
    private static final Pattern PERIOD_COMMA_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([\\.,])");
    private static final Pattern PERIOD_COMMA_BEFORE_NON_DIGIT = Pattern.compile("([\\.,])([^0-9])");
    private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");
    /** White space as Python's {@code str.split()} sees it (no-break spaces included), as sacreBLEU splits. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\x1c-\\x1f]+", Pattern.UNICODE_CHARACTER_CLASS);

    private Bleu() {}

    /** Corpus BLEU of {@code hypotheses} against one reference each. */
    public static BleuScore corpus(List<String> hypotheses, List<String> references) {
        return corpusMulti(hypotheses, references.stream().map(List::of).toList());
    }

    /** Corpus BLEU with any number of references per hypothesis. */
    public static BleuScore corpusMulti(List<String> hypotheses, List<List<String>> references) {
        if (hypotheses.size() != references.size()) {
            throw new IllegalArgumentException(hypotheses.size() + " hypotheses but " + references.size()
                    + " reference sets");
        }
        long[] correct = new long[MAX_ORDER];
        long[] total = new long[MAX_ORDER];
        long hypothesisLength = 0;
        long referenceLength = 0;
        for (int i = 0; i < hypotheses.size(); i++) {
            String[] hyp = tokenize(hypotheses.get(i));
            Map<List<String>, Integer> maxReferenceCounts = new HashMap<>();
            int closest = -1;
            for (String reference : references.get(i)) {
                String[] ref = tokenize(reference);
                // the closest reference length; on a tie the shorter one
                if (closest < 0 || Math.abs(ref.length - hyp.length) < Math.abs(closest - hyp.length)
                        || (Math.abs(ref.length - hyp.length) == Math.abs(closest - hyp.length)
                                && ref.length < closest)) {
                    closest = ref.length;
                }
                ngrams(ref).forEach((ngram, count) -> maxReferenceCounts.merge(ngram, count, Math::max));
            }
            hypothesisLength += hyp.length;
            referenceLength += Math.max(closest, 0);
            for (Map.Entry<List<String>, Integer> entry : ngrams(hyp).entrySet()) {
                int order = entry.getKey().size() - 1;
                total[order] += entry.getValue();
                correct[order] += Math.min(entry.getValue(), maxReferenceCounts.getOrDefault(entry.getKey(), 0));
            }
        }
        return score(correct, total, hypothesisLength, referenceLength);
    }

    /** sacreBLEU's {@code 13a} tokeniser (the one of mteval-v13a.pl). */
    public static String[] tokenize(String line) {
        String text = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
        if (text.indexOf('&') >= 0) {
            text = text.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
        }
        text = " " + text + " ";
        text = PUNCTUATION.matcher(text).replaceAll(" $1 ");
        text = PERIOD_COMMA_AFTER_NON_DIGIT.matcher(text).replaceAll("$1 $2 ");
        text = PERIOD_COMMA_BEFORE_NON_DIGIT.matcher(text).replaceAll(" $1 $2");
        text = DASH_AFTER_DIGIT.matcher(text).replaceAll("$1 $2 ");
        return SPACES.splitAsStream(text).filter(token -> !token.isEmpty()).toArray(String[]::new);
    }

    private static Map<List<String>, Integer> ngrams(String[] tokens) {
        Map<List<String>, Integer> counts = new HashMap<>();
        List<String> all = List.of(tokens);
        for (int n = 1; n <= MAX_ORDER; n++) {
            for (int start = 0; start + n <= tokens.length; start++) {
                counts.merge(all.subList(start, start + n), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static BleuScore score(long[] correct, long[] total, long hypothesisLength, long referenceLength) {
        double[] precisions = new double[MAX_ORDER];
        if (hypothesisLength == 0) {
            return new BleuScore(0, precisions, 0, hypothesisLength, referenceLength);
        }
        double smoothing = 1;
        for (int n = 0; n < MAX_ORDER; n++) {
            if (total[n] == 0) {
                break;
            }
            if (correct[n] == 0) {
                smoothing *= 2;
                precisions[n] = 100.0 / (smoothing * total[n]);
            } else {
                precisions[n] = 100.0 * correct[n] / total[n];
            }
        }
        double brevityPenalty = hypothesisLength < referenceLength
                ? Math.exp(1 - (double) referenceLength / hypothesisLength) : 1;
        double logSum = 0;
        for (double p : precisions) {
            logSum += p == 0 ? -9999999999.0 : Math.log(p);
        }
        double bleu = brevityPenalty * Math.exp(logSum / MAX_ORDER);
        return new BleuScore(bleu, precisions, brevityPenalty, hypothesisLength, referenceLength);
    }
}
