package dev.lantern.shared.generation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Takes the most probable token at every step (that {@link RepeatedNgrams} allows); rows leave the batch as soon as
 * they emit EOS.
 */
public final class GreedySearch implements SequenceSearch {

    private final int maxLength;
    private final int noRepeatNgram;

    public GreedySearch(int maxLength) {
        this(SearchOptions.greedy(maxLength));
    }

    /** Uses the options' maximum length and n-gram rule; beam size and length penalty do not apply. */
    public GreedySearch(SearchOptions options) {
        this.maxLength = options.maxLength();
        this.noRepeatNgram = options.noRepeatNgram();
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
                int[] rowSources = sourceOfRow;
                RepeatedNgrams.Bans bans = RepeatedNgrams.Bans.of(rowSources.length,
                        row -> prefixes.get(rowSources[row]), noRepeatNgram);
                float[] bestValue = new float[sourceOfRow.length];
                long[] bestToken = new long[sourceOfRow.length];
                try (NDArray logProbs = decoder.step(lastTokens)) {
                    // a row's best allowed token is among its best (1 + banned) tokens
                    int k = (int) Math.min(1L + bans.most(), logProbs.getShape().get(1));
                    try (NDList top = logProbs.topK(k, -1, true, true)) {
                        float[] values = top.get(0).toFloatArray();
                        long[] tokens = top.get(1).toLongArray();
                        for (int row = 0; row < sourceOfRow.length; row++) {
                            int j = 0;
                            while (j < k - 1 && !bans.allows(row, tokens[row * k + j])) {
                                j++;
                            }
                            bestValue[row] = values[row * k + j];
                            bestToken[row] = tokens[row * k + j];
                        }
                    }
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
