package dev.lantern.summarizer.extractive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SentenceScorerTest {

    private static float[] unit(float... v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] /= (float) Math.sqrt(norm);
        }
        return out;
    }

    @Test
    void similaritiesAreCosines() {
        double[][] sim = SentenceScorer.similarities(new float[][] {unit(1, 0), unit(1, 1), unit(0, 1)});
        assertEquals(1, sim[0][0], 1e-6);
        assertEquals(Math.sqrt(0.5), sim[0][1], 1e-6);
        assertEquals(0, sim[0][2], 1e-6);
        assertEquals(sim[1][2], sim[2][1], 1e-12);
    }

    @Test
    void centralSentenceWinsWithoutPosition() {
        // sentence 2 is close to all others; 0 and 4 are outliers
        float[][] v = {unit(1, 0, 0), unit(0.2f, 1, 0.1f), unit(0.3f, 1, 0.3f), unit(0.1f, 1, 0.2f), unit(0, 0, 1)};
        SentenceScorer centralityOnly = new SentenceScorer(new ScorerWeights(1, 1, 0, 0, 1, 0, 0, 0, 0));
        double[] scores = centralityOnly.score(SentenceScorer.similarities(v), new int[] {10, 10, 10, 10, 10}, new boolean[5]);
        assertEquals(1.0, scores[2], 1e-9);
        assertTrue(scores[2] > scores[0] && scores[2] > scores[4]);
    }

    @Test
    void forwardEdgesFavourEarlySentencesThatLaterOnesElaborate() {
        // similarities 0.8 except between the first and the last sentence (0): forward sums 1.6, 1.6, 0.8, 0
        double[][] sim = {{1, 0.8, 0.8, 0}, {0.8, 1, 0.8, 0.8}, {0.8, 0.8, 1, 0.8}, {0, 0.8, 0.8, 1}};
        SentenceScorer forward = new SentenceScorer(new ScorerWeights(1, 0, 0, 0, 1, 0, 0, 0, 0));
        assertArrayEquals(new double[] {1, 1, 0.5, 0}, forward.score(sim, new int[] {10, 10, 10, 10}, new boolean[4]), 1e-9);
        // backward edges alone reverse it
        SentenceScorer backward = new SentenceScorer(new ScorerWeights(0, 1, 0, 0, 1, 0, 0, 0, 0));
        assertArrayEquals(new double[] {0, 0.5, 1, 1}, backward.score(sim, new int[] {10, 10, 10, 10}, new boolean[4]), 1e-9);
    }

    @Test
    void positionAndLengthShiftTheRanking() {
        float[][] v = {unit(1, 1), unit(1, 1), unit(1, 1)};
        double[][] sim = SentenceScorer.similarities(v);
        SentenceScorer position = new SentenceScorer(new ScorerWeights(0, 0, 0, 1, 1, 0, 0, 0, 0));
        double[] byPosition = position.score(sim, new int[] {10, 10, 10}, new boolean[3]);
        assertTrue(byPosition[0] > byPosition[1] && byPosition[1] > byPosition[2]);
        // a long first sentence loses to a short second one once length counts
        SentenceScorer withLength = new SentenceScorer(new ScorerWeights(0, 0, 0, 1, 1, 1, 0, 0, 0));
        double[] scores = withLength.score(sim, new int[] {60, 10, 10}, new boolean[3]);
        assertTrue(scores[1] > scores[0], Arrays.toString(scores));
    }

    @Test
    void quotationsArePenalised() {
        assertTrue(SentenceScorer.quotes("\"We will win,\" he said."));
        assertTrue(SentenceScorer.quotes("He called it \u201Ca disgrace\u201D."));
        assertTrue(!SentenceScorer.quotes("He said they would win."));
        double[][] sim = {{1, 0.5}, {0.5, 1}};
        SentenceScorer scorer = new SentenceScorer(new ScorerWeights(0, 0, 0, 0.2, 1, 0, 1, 0, 0));
        // position alone prefers the first; its quotation costs it the lead
        double[] scores = scorer.score(sim, new int[] {10, 10}, new boolean[] {true, false});
        assertArrayEquals(new double[] {0, 1}, scores, 1e-9);
    }

    @Test
    void singleSentenceScoresOne() {
        SentenceScorer scorer = new SentenceScorer(new ScorerWeights(1, 0, 0.3, 1, 1, 0.2, 0, 0, 5));
        assertArrayEquals(new double[] {1}, scorer.score(new double[][] {{1}}, new int[] {7}, new boolean[1]), 1e-12);
    }
}
