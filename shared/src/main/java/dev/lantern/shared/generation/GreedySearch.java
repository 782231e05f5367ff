package dev.lantern.shared.generation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Takes the most probable token at every step; rows leave the batch as soon as they emit EOS. */
public final class GreedySearch implements SequenceSearch {

    private final int maxLength;

    public GreedySearch(int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maximum length must be at least 1, not " + maxLength);
        }
        this.maxLength = maxLength;
    }

    @Override
    public List<List<Hypothesis>> search(EncoderDecoder model, NDManager manager, int[][] sources) {
        BoundaryTokens boundary = model.boundaryTokens();
        Hypothesis[] results = new Hypothesis[sources.length];
        if (sources.length == 0) {
            return List.of();
        }
        try (NDManager work = manager.newSubManager()) {
            EncodedSources encoded = model.encode(work, sources);
            int[] sourceOfRow = new int[sources.length];
            Arrays.setAll(sourceOfRow, i -> i);
            DecoderState decoder = encoded.startDecoding(sourceOfRow);
            List<TokenSequence> prefixes = new ArrayList<>();
            for (int i = 0; i < sources.length; i++) {
                prefixes.add(new TokenSequence());
            }
            double[] logProbability = new double[sources.length];
            int[] lastTokens = new int[sources.length];
            Arrays.fill(lastTokens, boundary.bos());
            for (int length = 1; sourceOfRow.length > 0; length++) {
                float[] bestValue;
                long[] bestToken;
                try (NDArray logProbs = decoder.step(lastTokens);
                        NDList top = logProbs.topK(1, -1, true, true)) {
                    bestValue = top.get(0).toFloatArray();
                    bestToken = top.get(1).toLongArray();
                }
                int[] keep = new int[sourceOfRow.length];
                int kept = 0;
                for (int row = 0; row < sourceOfRow.length; row++) {
                    int source = sourceOfRow[row];
                    int token = (int) bestToken[row];
                    logProbability[source] += bestValue[row];
                    boolean eos = token == boundary.eos();
                    if (eos || length == maxLength) {
                        TokenSequence tokens = prefixes.get(source);
                        if (!eos) {
                            tokens.add(token);
                        }
                        double lp = logProbability[source];
                        results[source] = new Hypothesis(tokens.toArray(), lp, lp, eos);
                    } else {
                        prefixes.get(source).add(token);
                        keep[kept++] = row;
                    }
                }
                int[] nextSources = new int[kept];
                int[] nextTokens = new int[kept];
                for (int i = 0; i < kept; i++) {
                    nextSources[i] = sourceOfRow[keep[i]];
                    nextTokens[i] = (int) bestToken[keep[i]];
                }
                if (kept > 0 && kept < sourceOfRow.length) {
                    decoder.select(Arrays.copyOf(keep, kept));
                }
                sourceOfRow = nextSources;
                lastTokens = nextTokens;
            }
        }
        return Arrays.stream(results).map(List::of).toList();
    }
}
