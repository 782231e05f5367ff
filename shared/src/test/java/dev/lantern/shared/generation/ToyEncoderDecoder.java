package dev.lantern.shared.generation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * A deterministic encoder-decoder in plain Java: the next-token distribution is a function of the source and the
 * prefix generated so far, so tests can enumerate every sequence and know the best one. Token 0 is padding, 1 BOS,
 * 2 EOS; the model never predicts 0 or 1. It counts the decoder rows it was asked to compute.
 */
final class ToyEncoderDecoder implements EncoderDecoder {

    static final int BOS = 1;
    static final int EOS = 2;
    static final float IMPOSSIBLE = -1e9f;

    /** (source, prefix after BOS) → log-probabilities over the vocabulary. */
    private final BiFunction<int[], int[], float[]> distribution;
    long rowsComputed;

    ToyEncoderDecoder(BiFunction<int[], int[], float[]> distribution) {
        this.distribution = distribution;
    }

    /** Pseudo-random distributions over {@code vocabulary} tokens, a function of (seed, source, prefix). */
    static ToyEncoderDecoder random(long seed, int vocabulary) {
        return new ToyEncoderDecoder((source, prefix) -> {
            long h = seed * 1_000_003L + Arrays.hashCode(source) * 31L + Arrays.hashCode(prefix) + prefix.length;
            Random random = new Random(h);
            double[] logits = new double[vocabulary];
            for (int t = 2; t < vocabulary; t++) {
                logits[t] = 2.5 * random.nextGaussian();
            }
            return logSoftmax(logits, 2);
        });
    }

    static float[] logSoftmax(double[] logits, int firstAllowed) {
        double max = Double.NEGATIVE_INFINITY;
        for (int t = firstAllowed; t < logits.length; t++) {
            max = Math.max(max, logits[t]);
        }
        double sum = 0;
        for (int t = firstAllowed; t < logits.length; t++) {
            sum += Math.exp(logits[t] - max);
        }
        float[] out = new float[logits.length];
        for (int t = 0; t < logits.length; t++) {
            out[t] = t < firstAllowed ? IMPOSSIBLE : (float) (logits[t] - max - Math.log(sum));
        }
        return out;
    }

    float[] logProbabilities(int[] source, int[] prefix) {
        return distribution.apply(source, prefix);
    }

    @Override
    public BoundaryTokens boundaryTokens() {
        return new BoundaryTokens(BOS, EOS);
    }

    @Override
    public EncodedSources encode(NDManager manager, int[][] sources) {
        return new EncodedSources() {
            @Override
            public int size() {
                return sources.length;
            }

            @Override
            public DecoderState startDecoding(int[] sourceOfRow) {
                return new ToyDecoder(manager, sources, sourceOfRow);
            }
        };
    }

    private final class ToyDecoder implements DecoderState {
        private final NDManager manager;
        private final int[][] sources;
        private int[] sourceOfRow;
        private List<int[]> prefixes = new ArrayList<>();

        ToyDecoder(NDManager manager, int[][] sources, int[] sourceOfRow) {
            this.manager = manager;
            this.sources = sources;
            this.sourceOfRow = sourceOfRow.clone();
            for (int i = 0; i < sourceOfRow.length; i++) {
                prefixes.add(null);
            }
        }

        @Override
        public int rows() {
            return sourceOfRow.length;
        }

        @Override
        public NDArray step(int[] lastTokens) {
            float[][] out = new float[lastTokens.length][];
            for (int row = 0; row < lastTokens.length; row++) {
                int[] prefix = prefixes.get(row);
                if (prefix == null) {
                    if (lastTokens[row] != BOS) {
                        throw new IllegalStateException("first token must be BOS");
                    }
                    prefix = new int[0];
                } else {
                    prefix = Arrays.copyOf(prefix, prefix.length + 1);
                    prefix[prefix.length - 1] = lastTokens[row];
                }
                prefixes.set(row, prefix);
                out[row] = logProbabilities(sources[sourceOfRow[row]], prefix);
            }
            rowsComputed += lastTokens.length;
            return manager.create(out);
        }

        @Override
        public void select(int[] rows) {
            List<int[]> kept = new ArrayList<>();
            int[] keptSources = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                kept.add(prefixes.get(rows[i]));
                keptSources[i] = sourceOfRow[rows[i]];
            }
            prefixes = kept;
            sourceOfRow = keptSources;
        }
    }
}
