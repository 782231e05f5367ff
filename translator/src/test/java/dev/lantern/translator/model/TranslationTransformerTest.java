package dev.lantern.translator.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.lantern.shared.generation.BeamSearch;
import dev.lantern.shared.generation.BoundaryTokens;
import dev.lantern.shared.generation.DecoderState;
import dev.lantern.shared.generation.GreedySearch;
import dev.lantern.shared.generation.Hypothesis;
import dev.lantern.shared.generation.SearchOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TranslationTransformerTest {

    private static final TransformerConfig CONFIG = new TransformerConfig(40, 32, 4, 2, 2, 64, 0.1f, 64);
    private static final BoundaryTokens BOUNDARY = new BoundaryTokens(1, 2);
    private static NDManager manager;
    private static TranslationTransformer model;

    @BeforeAll
    static void build() {
        manager = NDManager.newBaseManager("PyTorch");
        Engine.getEngine("PyTorch").setRandomSeed(7);
        model = new TranslationTransformer(CONFIG);
        model.initialize(manager, DataType.FLOAT32, new Shape(1, 8), new Shape(1, 8));
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void masks() {
        try (NDManager m = manager.newSubManager()) {
            NDArray tokens = m.create(new long[] {5, 6, 0, 7, 0, 0}, new Shape(2, 3));
            NDArray padding = AttentionMasks.padding(tokens, 0);
            assertEquals(new Shape(2, 1, 1, 3), padding.getShape());
            float b = AttentionMasks.BLOCKED;
            assertArrayEquals(new float[] {0, 0, b, 0, b, b}, padding.toFloatArray(), 0f);
            NDArray causal = AttentionMasks.causal(m, 3);
            assertEquals(new Shape(1, 1, 3, 3), causal.getShape());
            assertArrayEquals(new float[] {0, b, b, 0, 0, b, 0, 0, 0}, causal.toFloatArray(), 0f);
        }
    }

    @Test
    void incrementalStepsEqualTheFullForwardPass() {
        int[][] sources = {{5, 9, 12, 7, 2}, {8, 3, 2}};
        int[][] targetIn = {{1, 14, 15, 16, 17, 18}, {1, 20, 21, 22, 23, 24}};
        try (NDManager m = manager.newSubManager()) {
            float[][][] full = fullLogProbs(m, sources, targetIn);
            DecoderState decoder = new TransformerEncoderDecoder(model, BOUNDARY).encode(m, sources)
                    .startDecoding(new int[] {0, 1});
            for (int t = 0; t < targetIn[0].length; t++) {
                try (NDArray step = decoder.step(new int[] {targetIn[0][t], targetIn[1][t]})) {
                    assertEquals(new Shape(2, CONFIG.vocabularySize()), step.getShape());
                    float[] values = step.toFloatArray();
                    for (int row = 0; row < 2; row++) {
                        for (int v = 0; v < CONFIG.vocabularySize(); v++) {
                            assertEquals(full[row][t][v], values[row * CONFIG.vocabularySize() + v], 1e-4,
                                    "row " + row + " position " + t);
                        }
                    }
                }
            }
        }
    }

    @Test
    void selectingRowsKeepsEachRowsCache() {
        int[][] sources = {{5, 9, 12, 2}, {8, 3, 2}};
        try (NDManager m = manager.newSubManager()) {
            float[][][] full = fullLogProbs(m, new int[][] {sources[1], sources[0]},
                    new int[][] {{1, 20, 21, 22}, {1, 14, 15, 16}});
            DecoderState decoder = new TransformerEncoderDecoder(model, BOUNDARY).encode(m, sources)
                    .startDecoding(new int[] {0, 1});
            decoder.step(new int[] {1, 1}).close();
            decoder.select(new int[] {1, 1, 0}); // source 1 twice, then source 0
            decoder.step(new int[] {20, 20, 14}).close();
            decoder.select(new int[] {0, 2});
            assertEquals(2, decoder.rows());
            try (NDArray step = decoder.step(new int[] {21, 15})) {
                float[] values = step.toFloatArray();
                for (int v = 0; v < CONFIG.vocabularySize(); v++) {
                    assertEquals(full[0][2][v], values[v], 1e-4);
                    assertEquals(full[1][2][v], values[CONFIG.vocabularySize() + v], 1e-4);
                }
            }
        }
    }

    @Test
    void paddingAndLaterTokensDoNotLeakIn() {
        try (NDManager m = manager.newSubManager()) {
            float[][][] alone = fullLogProbs(m, new int[][] {{8, 3, 2}}, new int[][] {{1, 20, 21, 22}});
            float[][][] padded = fullLogProbs(m, new int[][] {{8, 3, 2}, {5, 9, 12, 7, 6, 2}},
                    new int[][] {{1, 20, 21, 22}, {1, 4, 4, 4}});
            float[][][] changedFuture = fullLogProbs(m, new int[][] {{8, 3, 2}}, new int[][] {{1, 20, 30, 31}});
            for (int v = 0; v < CONFIG.vocabularySize(); v++) {
                for (int t = 0; t < 4; t++) {
                    assertEquals(alone[0][t][v], padded[0][t][v], 1e-4, "source padding changed position " + t);
                }
                // positions 0 and 1 see tokens 1, 20 only
                assertEquals(alone[0][0][v], changedFuture[0][0][v], 1e-5);
                assertEquals(alone[0][1][v], changedFuture[0][1][v], 1e-5);
            }
            assertTrue(Math.abs(alone[0][2][3] - changedFuture[0][2][3]) > 1e-6, "position 2 sees token 30");
        }
    }

    @Test
    void searchesRunOnTheTransformerAndGreedyEqualsBeamOfOne() {
        TransformerEncoderDecoder seq2seq = new TransformerEncoderDecoder(model, BOUNDARY);
        int[][] sources = {{5, 9, 12, 2}, {8, 3, 2}, {7, 2}};
        List<Hypothesis> greedy = new GreedySearch(12).best(seq2seq, manager, sources);
        List<Hypothesis> beam1 = new BeamSearch(new SearchOptions(1, 0, 12)).best(seq2seq, manager, sources);
        List<List<Hypothesis>> beam4 = new BeamSearch(new SearchOptions(4, 1.0, 12)).search(seq2seq, manager,
                sources);
        for (int s = 0; s < sources.length; s++) {
            assertArrayEquals(greedy.get(s).tokens(), beam1.get(s).tokens());
            assertEquals(greedy.get(s).logProbability(), beam1.get(s).logProbability(), 1e-4);
            assertTrue(beam4.get(s).get(0).score() >= greedy.get(s).logProbability()
                    / Math.pow(greedy.get(s).tokens().length + (greedy.get(s).endedWithEos() ? 1 : 0), 1.0) - 1e-5);
        }
    }

    @Test
    void savedParametersReloadToTheSameOutputs() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.saveParameters(new DataOutputStream(bytes));
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            TranslationTransformer copy = new TranslationTransformer(CONFIG);
            copy.initialize(m, DataType.FLOAT32, new Shape(1, 8), new Shape(1, 8));
            copy.loadParameters(m, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            NDArray source = m.create(new long[] {5, 9, 2}, new Shape(1, 3));
            NDArray target = m.create(new long[] {1, 14, 15}, new Shape(1, 3));
            float[] original = model.forward(new ParameterStore(m, false), new NDList(source, target), false)
                    .singletonOrThrow().toFloatArray();
            float[] reloaded = copy.forward(new ParameterStore(m, false), new NDList(source, target), false)
                    .singletonOrThrow().toFloatArray();
            assertArrayEquals(original, reloaded, 1e-6f);
        }
    }

    /** Teacher-forced log-probabilities {@code [batch][position][vocabulary]}, dropout off. */
    private static float[][][] fullLogProbs(NDManager m, int[][] sources, int[][] targetIn) {
        int sourceLength = 0;
        for (int[] s : sources) {
            sourceLength = Math.max(sourceLength, s.length);
        }
        long[] src = new long[sources.length * sourceLength];
        for (int b = 0; b < sources.length; b++) {
            for (int t = 0; t < sources[b].length; t++) {
                src[b * sourceLength + t] = sources[b][t];
            }
        }
        int targetLength = targetIn[0].length;
        long[] tgt = new long[targetIn.length * targetLength];
        for (int b = 0; b < targetIn.length; b++) {
            for (int t = 0; t < targetLength; t++) {
                tgt[b * targetLength + t] = targetIn[b][t];
            }
        }
        NDArray logits = model.forward(new ParameterStore(m, false),
                new NDList(m.create(src, new Shape(sources.length, sourceLength)),
                        m.create(tgt, new Shape(targetIn.length, targetLength))), false).singletonOrThrow();
        float[] flat = logits.logSoftmax(-1).toFloatArray();
        int vocabulary = CONFIG.vocabularySize();
        float[][][] out = new float[targetIn.length][targetLength][vocabulary];
        for (int b = 0; b < targetIn.length; b++) {
            for (int t = 0; t < targetLength; t++) {
                System.arraycopy(flat, (b * targetLength + t) * vocabulary, out[b][t], 0, vocabulary);
            }
        }
        return out;
    }
}
