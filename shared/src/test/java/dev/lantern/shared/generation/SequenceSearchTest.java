package dev.lantern.shared.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SequenceSearchTest {

    private static NDManager manager;

    @BeforeAll
    static void engine() {
        manager = NDManager.newBaseManager("PyTorch");
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    /**
     * From BOS: "3" 0.5, "4" 0.4, EOS 0.1. After "3" the model is unsure (0.34 EOS, 0.33 each word), after "4" it is
     * sure (0.9 EOS). Greedy takes "3 EOS" (0.5·0.34 = 0.17); the best sequence is "4 EOS" (0.4·0.9 = 0.36).
     */
    private static ToyEncoderDecoder gardenPath() {
        return new ToyEncoderDecoder((source, prefix) -> {
            float[] p = new float[5];
            if (prefix.length == 0) {
                p = new float[] {0, 0, 0.1f, 0.5f, 0.4f};
            } else if (prefix[prefix.length - 1] == 3) {
                p = new float[] {0, 0, 0.34f, 0.33f, 0.33f};
            } else {
                p = new float[] {0, 0, 0.9f, 0.05f, 0.05f};
            }
            float[] log = new float[5];
            for (int i = 0; i < 5; i++) {
                log[i] = p[i] == 0 ? ToyEncoderDecoder.IMPOSSIBLE : (float) Math.log(p[i]);
            }
            return log;
        });
    }

    @Test
    void beamFindsTheSequenceGreedyMisses() {
        ToyEncoderDecoder model = gardenPath();
        int[][] sources = {{7}};
        Hypothesis greedy = new GreedySearch(10).best(model, manager, sources).get(0);
        assertArrayEquals(new int[] {3}, greedy.tokens());
        assertEquals(Math.log(0.5) + Math.log(0.34), greedy.logProbability(), 1e-5);

        List<Hypothesis> beam = new BeamSearch(new SearchOptions(2, 0, 10)).search(model, manager, sources).get(0);
        assertArrayEquals(new int[] {4}, beam.get(0).tokens());
        assertEquals(Math.log(0.4) + Math.log(0.9), beam.get(0).logProbability(), 1e-5);
        assertTrue(beam.get(0).endedWithEos());
        assertEquals(2, beam.size());
        assertTrue(beam.get(0).score() >= beam.get(1).score());
    }

    @Test
    void wideBeamFindsTheExhaustiveOptimum() {
        int vocabulary = 5;
        int maxLength = 4;
        for (double alpha : new double[] {0, 1.0}) {
            ToyEncoderDecoder model = ToyEncoderDecoder.random(42, vocabulary);
            int[][] sources = {{3, 4}, {4}, {3, 3, 3}, {4, 3}};
            SearchOptions options = new SearchOptions(27, alpha, maxLength);
            List<Hypothesis> beam = new BeamSearch(options).best(model, manager, sources);
            for (int s = 0; s < sources.length; s++) {
                Hypothesis exhaustive = exhaustiveBest(model, sources[s], vocabulary, options);
                assertArrayEquals(exhaustive.tokens(), beam.get(s).tokens(), "source " + s + ", alpha " + alpha);
                assertEquals(exhaustive.score(), beam.get(s).score(), 1e-4);
            }
        }
    }

    @Test
    void batchedBeamEqualsOneSourceAtATime() {
        ToyEncoderDecoder model = ToyEncoderDecoder.random(7, 9);
        int[][] sources = {{3}, {5, 6}, {7, 8, 3}, {4, 4}, {6}};
        BeamSearch search = new BeamSearch(new SearchOptions(4, 0.6, 12));
        List<List<Hypothesis>> batched = search.search(model, manager, sources);
        for (int s = 0; s < sources.length; s++) {
            List<Hypothesis> alone = search.search(model, manager, new int[][] {sources[s]}).get(0);
            assertEquals(alone.size(), batched.get(s).size());
            for (int i = 0; i < alone.size(); i++) {
                assertArrayEquals(alone.get(i).tokens(), batched.get(s).get(i).tokens());
                assertEquals(alone.get(i).score(), batched.get(s).get(i).score(), 1e-6);
            }
        }
    }

    @Test
    void greedyEqualsBeamOfOne() {
        ToyEncoderDecoder model = ToyEncoderDecoder.random(3, 12);
        int[][] sources = new int[20][];
        for (int s = 0; s < sources.length; s++) {
            sources[s] = new int[] {3 + s % 9, 3 + (s * 7) % 9};
        }
        List<Hypothesis> greedy = new GreedySearch(15).best(model, manager, sources);
        List<Hypothesis> beam = new BeamSearch(new SearchOptions(1, 0, 15)).best(model, manager, sources);
        for (int s = 0; s < sources.length; s++) {
            assertArrayEquals(greedy.get(s).tokens(), beam.get(s).tokens(), "source " + s);
            assertEquals(greedy.get(s).logProbability(), beam.get(s).logProbability(), 1e-5);
        }
    }

    @Test
    void stopsAtMaximumLengthWithoutEos() {
        // a model that never wants to stop
        ToyEncoderDecoder model = new ToyEncoderDecoder((source, prefix) -> new float[] {
            ToyEncoderDecoder.IMPOSSIBLE, ToyEncoderDecoder.IMPOSSIBLE, -9f, -0.01f, -5f});
        Hypothesis greedy = new GreedySearch(6).best(model, manager, new int[][] {{3}}).get(0);
        assertArrayEquals(new int[] {3, 3, 3, 3, 3, 3}, greedy.tokens());
        assertFalse(greedy.endedWithEos());
        Hypothesis beam = new BeamSearch(new SearchOptions(3, 1.0, 6)).best(model, manager, new int[][] {{3}})
                .get(0);
        assertEquals(6, beam.tokens().length);
        assertFalse(beam.endedWithEos());
    }

    @Test
    void finishedSourcesLeaveTheBatch() {
        // source {3} ends at once, source {4} runs to the maximum length: rows shrink to 1 after the first step
        ToyEncoderDecoder model = new ToyEncoderDecoder((source, prefix) -> source[0] == 3
                ? new float[] {-1e9f, -1e9f, -0.001f, -8f, -8f}
                : new float[] {-1e9f, -1e9f, -8f, -0.001f, -8f});
        new GreedySearch(10).best(model, manager, new int[][] {{3}, {4}});
        assertEquals(2 + 9, model.rowsComputed);
    }

    @Test
    void emptyBatchGivesEmptyResult() {
        ToyEncoderDecoder model = ToyEncoderDecoder.random(1, 5);
        assertTrue(new BeamSearch(new SearchOptions(4, 1, 5)).search(model, manager, new int[0][]).isEmpty());
        assertTrue(new GreedySearch(5).search(model, manager, new int[0][]).isEmpty());
    }

    /** Every sequence of up to {@code maxLength} tokens, scored like the search scores finished hypotheses. */
    private static Hypothesis exhaustiveBest(ToyEncoderDecoder model, int[] source, int vocabulary,
            SearchOptions options) {
        Hypothesis[] best = {null};
        explore(model, source, new int[0], 0, vocabulary, options, best);
        return best[0];
    }

    private static void explore(ToyEncoderDecoder model, int[] source, int[] prefix, double logProb, int vocabulary,
            SearchOptions options, Hypothesis[] best) {
        float[] next = model.logProbabilities(source, prefix);
        int length = prefix.length + 1;
        for (int token = 2; token < vocabulary; token++) {
            double lp = logProb + next[token];
            int[] extended = Arrays.copyOf(prefix, length);
            extended[length - 1] = token;
            if (token == ToyEncoderDecoder.EOS || length == options.maxLength()) {
                int[] tokens = token == ToyEncoderDecoder.EOS ? prefix : extended;
                double score = options.normalise(lp, length);
                if (best[0] == null || score > best[0].score()) {
                    best[0] = new Hypothesis(tokens, lp, score, token == ToyEncoderDecoder.EOS);
                }
            } else {
                explore(model, source, extended, lp, vocabulary, options, best);
            }
        }
    }

    /**
     * A model made to loop: it continues 5 6 5 6 … with probability 0.9 and wants to stop (EOS) with 0.06; the
     * other words share the rest. Greedy and beam search alike follow the loop to the length limit.
     */
    private static ToyEncoderDecoder looping() {
        return new ToyEncoderDecoder((source, prefix) -> {
            int next = prefix.length % 2 == 0 ? 5 : 6;
            double[] p = new double[8];
            Arrays.fill(p, 2, 8, 0.01);
            p[ToyEncoderDecoder.EOS] = 0.06;
            p[next] = 0.9;
            float[] log = new float[8];
            for (int t = 0; t < 8; t++) {
                log[t] = t < 2 ? ToyEncoderDecoder.IMPOSSIBLE : (float) Math.log(p[t]);
            }
            return log;
        });
    }

    @Test
    void theLoopingModelLoopsWithoutTheRule() {
        Hypothesis greedy = new GreedySearch(new SearchOptions(1, 0, 20, 0)).best(looping(), manager,
                new int[][] {{3}}).get(0);
        assertEquals(20, greedy.tokens().length);
        assertFalse(greedy.endedWithEos());
        Hypothesis beam = new BeamSearch(new SearchOptions(4, 1.0, 20, 0)).best(looping(), manager,
                new int[][] {{3}}).get(0);
        assertEquals(20, beam.tokens().length);
    }

    @Test
    void greedySearchBreaksTheLoopAndEnds() {
        Hypothesis greedy = new GreedySearch(new SearchOptions(1, 0, 20, 3)).best(looping(), manager,
                new int[][] {{3}}).get(0);
        // after 5 6 5 6 the loop's next 5 would repeat "5 6 5": banned, and EOS is the best allowed token
        assertArrayEquals(new int[] {5, 6, 5, 6}, greedy.tokens());
        assertTrue(greedy.endedWithEos());
        assertEquals(3 * Math.log(0.9) + Math.log(0.9) + Math.log(0.06), greedy.logProbability(), 1e-4,
                "the log-probability is the model's own, not changed by the rule");
    }

    @Test
    void beamSearchNeverRepeatsAnNgram() {
        List<List<Hypothesis>> beams = new BeamSearch(new SearchOptions(4, 1.0, 20, 3)).search(looping(), manager,
                new int[][] {{3}, {4}});
        for (List<Hypothesis> beam : beams) {
            assertEquals(4, beam.size());
            for (Hypothesis hypothesis : beam) {
                assertNoRepeatedNgram(hypothesis.tokens(), 3);
                assertTrue(hypothesis.tokens().length < 20, Arrays.toString(hypothesis.tokens()));
            }
        }
    }

    private static void assertNoRepeatedNgram(int[] tokens, int n) {
        Set<List<Integer>> seen = new HashSet<>();
        for (int i = 0; i + n <= tokens.length; i++) {
            List<Integer> ngram = Arrays.stream(tokens, i, i + n).boxed().toList();
            assertTrue(seen.add(ngram), ngram + " twice in " + Arrays.toString(tokens));
        }
    }
}
