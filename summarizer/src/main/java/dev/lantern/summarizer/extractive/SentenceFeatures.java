package dev.lantern.summarizer.extractive;

/**
 * What a learned scorer sees of each sentence: where it stands, how long it is, whether it quotes, how central it is
 * (PacSum's forward and backward edges), how close it is to the document's centroid and to its first sentence, and
 * the sentence embedding itself (what it is about and how it is phrased).
 */
public final class SentenceFeatures {

    /** Hand-made features before the embedding's dimensions. */
    public static final int HAND_MADE = 11;

    private SentenceFeatures() {}

    /** One row per sentence: {@link #HAND_MADE} values, then the embedding. */
    public static double[][] of(float[][] vectors, double[][] sim, int[] words, boolean[] quoted) {
        int n = vectors.length;
        int dim = n == 0 ? 0 : vectors[0].length;
        double meanWords = 0;
        for (int w : words) {
            meanWords += w;
        }
        meanWords = Math.max(1, meanWords / Math.max(n, 1));
        double[] forward = new SentenceScorer(new ScorerWeights(1, 0, 0.3, 0, 1, 0, 0, 0, 0)).centrality(sim);
        double[] backward = new SentenceScorer(new ScorerWeights(0, 1, 0.3, 0, 1, 0, 0, 0, 0)).centrality(sim);
        double[] centroid = new double[dim];
        for (float[] v : vectors) {
            for (int d = 0; d < dim; d++) {
                centroid[d] += v[d] / n;
            }
        }
        double[][] rows = new double[n][HAND_MADE + dim];
        for (int i = 0; i < n; i++) {
            double[] f = rows[i];
            double toCentroid = 0;
            for (int d = 0; d < dim; d++) {
                toCentroid += vectors[i][d] * centroid[d];
                f[HAND_MADE + d] = vectors[i][d];
            }
            f[0] = 1.0 / (1 + i);
            f[1] = n > 1 ? (double) i / (n - 1) : 0;
            f[2] = i == 0 ? 1 : 0;
            f[3] = words[i] / meanWords;
            f[4] = words[i] / 30.0;
            f[5] = quoted[i] ? 1 : 0;
            f[6] = forward[i];
            f[7] = backward[i];
            f[8] = toCentroid;
            f[9] = sim[i][0];
            f[10] = Math.min(n, 100) / 50.0;
        }
        return rows;
    }
}
