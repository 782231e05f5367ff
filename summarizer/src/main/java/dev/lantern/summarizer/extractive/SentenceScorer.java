package dev.lantern.summarizer.extractive;

import java.util.Arrays;

/**
 * Scores sentences by how central they are and where they stand, after PacSum (Zheng and Lapata, 2019): sentences
 * are nodes of a graph whose edges are cosine similarities above a document-relative threshold, and a node's
 * centrality weighs its edges to later sentences apart from its edges to earlier ones (news puts what matters first,
 * and the rest elaborates on it). Centrality is scaled to 0..1 within the document and a position prior
 * {@code 1 / (1 + index)^decay} is added. Long sentences pay a penalty in proportion to their length over the
 * document's mean (summaries say much in few words), and sentences with a direct quotation pay a fixed penalty
 * (summaries report what was said rather than quote it).
 */
public final class SentenceScorer {

    private final ScorerWeights weights;

    public SentenceScorer(ScorerWeights weights) {
        this.weights = weights;
    }

    /** Cosine similarities of L2-normalised vectors. */
    public static double[][] similarities(float[][] vectors) {
        int n = vectors.length;
        double[][] sim = new double[n][n];
        for (int i = 0; i < n; i++) {
            sim[i][i] = 1;
            for (int j = i + 1; j < n; j++) {
                double dot = 0;
                for (int d = 0; d < vectors[i].length; d++) {
                    dot += vectors[i][d] * vectors[j][d];
                }
                sim[i][j] = dot;
                sim[j][i] = dot;
            }
        }
        return sim;
    }

    /** One score per sentence, scaled to 0..1 within the document: the best scores 1, the worst 0. */
    public double[] score(double[][] sim, int[] words, boolean[] quoted) {
        int n = sim.length;
        double[] scores = new double[n];
        if (n == 0) {
            return scores;
        }
        double[] scaled = centrality(sim);
        double meanWords = 0;
        for (int w : words) {
            meanWords += w;
        }
        meanWords = Math.max(1, meanWords / n);
        for (int i = 0; i < n; i++) {
            scores[i] = scaled[i] + weights.positionWeight() * Math.pow(1 + i, -weights.positionDecay())
                    - weights.lengthWeight() * words[i] / meanWords - (quoted[i] ? weights.quoteWeight() : 0);
        }
        return minMax(scores, 1);
    }

    /** Directed centrality of each sentence, scaled to 0..1 within the document (all 0 when all are alike). */
    public double[] centrality(double[][] sim) {
        int n = sim.length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    min = Math.min(min, sim[i][j]);
                    max = Math.max(max, sim[i][j]);
                }
            }
        }
        double threshold = n > 1 ? min + weights.edgeThreshold() * (max - min) : 0;
        double[] centrality = new double[n];
        for (int i = 0; i < n; i++) {
            double forward = 0;
            double backward = 0;
            for (int j = 0; j < n; j++) {
                double edge = Math.max(0, sim[i][j] - threshold);
                if (j > i) {
                    forward += edge;
                } else if (j < i) {
                    backward += edge;
                }
            }
            centrality[i] = weights.forwardWeight() * forward + weights.backwardWeight() * backward;
        }
        return minMax(centrality, 0);
    }

    /** Whether a sentence holds a direct quotation (straight or curly double quotes). */
    public static boolean quotes(String sentence) {
        return sentence.indexOf('"') >= 0 || sentence.indexOf('\u201C') >= 0 || sentence.indexOf('\u201D') >= 0;
    }

    private static double[] minMax(double[] values, double whenAlike) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double[] out = new double[values.length];
        if (hi - lo < 1e-12) {
            Arrays.fill(out, whenAlike);
            return out;
        }
        for (int i = 0; i < values.length; i++) {
            out[i] = (values[i] - lo) / (hi - lo);
        }
        return out;
    }
}
