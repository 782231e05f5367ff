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

class RepeatedNgramsTest {

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

    @Test
    void bansTheTokenThatWouldCompleteASeenNgram() {
        TokenSequence prefix = sequence(7, 8, 9, 7, 8);
        assertArrayEquals(new int[] {9}, RepeatedNgrams.banned(prefix, 3));
        assertArrayEquals(new int[] {9}, RepeatedNgrams.banned(prefix, 2));
        assertArrayEquals(new int[] {8, 9}, RepeatedNgrams.banned(sequence(7, 8, 7, 9, 7), 2));
        assertArrayEquals(new int[] {7, 8, 9, 7, 8}, RepeatedNgrams.banned(prefix, 1));
        assertArrayEquals(new int[0], RepeatedNgrams.banned(prefix, 0));
        assertArrayEquals(new int[0], RepeatedNgrams.banned(sequence(7, 8, 9), 3));
        assertArrayEquals(new int[0], RepeatedNgrams.banned(sequence(), 3));
        // a third time in a row is banned even before any 3-gram repeats; with the rule off, nothing is
        assertArrayEquals(new int[] {4}, RepeatedNgrams.banned(sequence(7, 4, 4), 3));
        assertArrayEquals(new int[0], RepeatedNgrams.banned(sequence(7, 4, 4), 0));
    }

    private static TokenSequence sequence(int... tokens) {
        TokenSequence sequence = new TokenSequence();
        for (int token : tokens) {
            sequence.add(token);
        }
        return sequence;
    }

    private static void assertNoRepeatedNgram(int[] tokens, int n) {
        Set<List<Integer>> seen = new HashSet<>();
        for (int i = 0; i + n <= tokens.length; i++) {
            List<Integer> ngram = Arrays.stream(tokens, i, i + n).boxed().toList();
            assertTrue(seen.add(ngram), ngram + " twice in " + Arrays.toString(tokens));
        }
    }
}
