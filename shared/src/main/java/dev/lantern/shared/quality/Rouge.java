package dev.lantern.shared.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import opennlp.tools.stemmer.PorterStemmer;

/**
 * ROUGE-1, ROUGE-2 and ROUGE-L F1 with the conventions of Google's {@code rouge_score} package (the one most papers
 * report): text is lower-cased, every run of characters other than {@code a-z0-9} becomes a space, tokens are split
 * on spaces, and tokens longer than 3 characters are Porter-stemmed. ROUGE-N counts clipped n-gram matches; ROUGE-L
 * uses the longest common subsequence of the whole token sequences (rouge_score's {@code rougeL}, not the
 * newline-split {@code rougeLsum}). F1 is {@code 2PR / (P + R)}, 0 when nothing matches.
 *
 * <p>One difference: rouge_score stems with NLTK's Porter stemmer in its default {@code NLTK_EXTENSIONS} mode; this
 * class uses OpenNLP's {@link PorterStemmer}, which follows Porter's original algorithm. They differ on a few
 * suffixes (NLTK, for example, maps "dying" to "die" and keeps "news" whole), which moves corpus scores by well under
 * a tenth of a point. Non-ASCII letters are dropped, as rouge_score drops them.
 */
public final class Rouge {

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private Rouge() {}

    /** The three scores of {@code candidate} against {@code reference}. */
    public static RougeScores score(String candidate, String reference) {
        return score(tokens(candidate), tokens(reference));
    }

    /** The three scores of already {@link #tokens tokenised} texts (evaluations reuse a reference's tokens). */
    public static RougeScores score(List<String> candidate, List<String> reference) {
        return new RougeScores(ngramF1(candidate, reference, 1), ngramF1(candidate, reference, 2),
                lcsF1(candidate, reference));
    }

    /** ROUGE-1 F1 alone, for searches that try many candidates. */
    public static double rouge1(List<String> candidate, List<String> reference) {
        return ngramF1(candidate, reference, 1);
    }

    /** rouge_score's tokens: lower case, alphanumeric runs, Porter stems of tokens longer than 3 characters. */
    public static List<String> tokens(String text) {
        String cleaned = NOT_ALPHANUMERIC.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        List<String> out = new ArrayList<>();
        if (cleaned.isEmpty()) {
            return out;
        }
        PorterStemmer stemmer = new PorterStemmer(); // keeps state between calls: one per text
        for (String token : cleaned.split(" ")) {
            out.add(token.length() > 3 ? stemmer.stem(token) : token);
        }
        return out;
    }

    static double ngramF1(List<String> candidate, List<String> reference, int n) {
        Map<List<String>, Integer> candidateCounts = ngrams(candidate, n);
        Map<List<String>, Integer> referenceCounts = ngrams(reference, n);
        int overlap = 0;
        for (Map.Entry<List<String>, Integer> e : candidateCounts.entrySet()) {
            overlap += Math.min(e.getValue(), referenceCounts.getOrDefault(e.getKey(), 0));
        }
        return f1(overlap, Math.max(0, candidate.size() - n + 1), Math.max(0, reference.size() - n + 1));
    }

    static double lcsF1(List<String> candidate, List<String> reference) {
        return f1(lcs(candidate, reference), candidate.size(), reference.size());
    }

    /** Length of the longest common subsequence, in two rows of the usual table. */
    static int lcs(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (String x : a) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = x.equals(b.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }

    private static Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            counts.merge(tokens.subList(i, i + n), 1, Integer::sum);
        }
        return counts;
    }

    private static double f1(int matches, int candidateTotal, int referenceTotal) {
        if (matches == 0 || candidateTotal == 0 || referenceTotal == 0) {
            return 0;
        }
        double precision = (double) matches / candidateTotal;
        double recall = (double) matches / referenceTotal;
        return 2 * precision * recall / (precision + recall);
    }
}
