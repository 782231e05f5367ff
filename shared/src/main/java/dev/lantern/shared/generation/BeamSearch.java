package dev.lantern.shared.generation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Batched beam search: all live hypotheses of all sources share one decoder batch. A source starts with one row
 * (BOS) and branches into up to {@code beamSize} rows; it leaves the batch once no live hypothesis can beat its
 * {@code beamSize} finished ones, so the result is the same as decoding each source alone.
 */
public final class BeamSearch implements SequenceSearch {

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble((Candidate c) -> -c.logProb)
            .thenComparingInt(c -> c.row)
            .thenComparingInt(c -> c.token);

    private final SearchOptions options;

    public BeamSearch(SearchOptions options) {
        this.options = options;
    }

    @Override
    public List<List<Hypothesis>> search(EncoderDecoder model, NDManager manager, int[][] sources) {
        if (sources.length == 0) {
            return List.of();
        }
        BoundaryTokens boundary = model.boundaryTokens();
        int beam = options.beamSize();
        List<List<Hypothesis>> finished = new ArrayList<>();
        List<List<Live>> live = new ArrayList<>();
        boolean[] done = new boolean[sources.length];
        for (int s = 0; s < sources.length; s++) {
            finished.add(new ArrayList<>());
            live.add(List.of(new Live(s, new TokenSequence(), 0, boundary.bos())));
        }
        try (NDManager work = manager.newSubManager()) {
            EncodedSources encoded = model.encode(work, sources);
            List<Live> rows = flatten(live, done);
            DecoderState decoder = encoded.startDecoding(rows.stream().mapToInt(r -> r.source).toArray());
            for (int length = 1; !rows.isEmpty(); length++) {
                int[] lastTokens = rows.stream().mapToInt(r -> r.lastToken).toArray();
                List<Live> current = rows;
                RepeatedNgrams.Bans bans = RepeatedNgrams.Bans.of(current.size(), row -> current.get(row).tokens,
                        options.noRepeatNgram());
                float[] values;
                long[] tokens;
                int k;
                try (NDArray logProbs = decoder.step(lastTokens)) {
                    k = (int) Math.min(2L * beam + bans.most(), logProbs.getShape().get(1));
                    // the best 2·beam allowed continuations of a source are among the best 2·beam + banned of each
                    // of its rows
                    try (NDList top = logProbs.topK(k, -1, true, true)) {
                        values = top.get(0).toFloatArray();
                        tokens = top.get(1).toLongArray();
                    }
                }
                List<List<Candidate>> candidates = new ArrayList<>();
                for (int s = 0; s < sources.length; s++) {
                    candidates.add(new ArrayList<>());
                }
                for (int row = 0; row < rows.size(); row++) {
                    Live hypothesis = rows.get(row);
                    for (int j = 0; j < k; j++) {
                        if (!bans.allows(row, tokens[row * k + j])) {
                            continue;
                        }
                        double lp = hypothesis.logProb + values[row * k + j];
                        candidates.get(hypothesis.source).add(new Candidate(row, (int) tokens[row * k + j], lp));
                    }
                }
                for (int s = 0; s < sources.length; s++) {
                    if (done[s]) {
                        continue;
                    }
                    List<Candidate> ranked = candidates.get(s);
                    ranked.sort(BEST_FIRST);
                    List<Live> next = new ArrayList<>(beam);
                    for (int rank = 0; rank < ranked.size() && next.size() < beam; rank++) {
                        Candidate c = ranked.get(rank);
                        Live parent = rows.get(c.row);
                        if (c.token == boundary.eos()) {
                            // an EOS below the top `beam` ranks would only fill the finished list with poor entries
                            if (rank < beam) {
                                offer(finished.get(s), new Hypothesis(parent.tokens.toArray(), c.logProb,
                                        options.normalise(c.logProb, length), true));
                            }
                        } else if (length == options.maxLength()) {
                            TokenSequence tokensSoFar = parent.tokens.extendedWith(c.token);
                            offer(finished.get(s), new Hypothesis(tokensSoFar.toArray(), c.logProb,
                                    options.normalise(c.logProb, length), false));
                            next.add(null);
                        } else {
                            next.add(new Live(s, parent.tokens.extendedWith(c.token), c.logProb, c.token, c.row));
                        }
                    }
                    if (length == options.maxLength()) {
                        next.clear();
                    }
                    live.set(s, next);
                    done[s] = next.isEmpty() || cannotImprove(finished.get(s), next, length);
                }
                List<Live> nextRows = flatten(live, done);
                if (!nextRows.isEmpty()) {
                    decoder.select(nextRows.stream().mapToInt(r -> r.parentRow).toArray());
                }
                rows = nextRows;
            }
        }
        for (List<Hypothesis> list : finished) {
            list.sort(Comparator.comparingDouble(h -> -h.score()));
        }
        return finished;
    }

    /** Keeps the best {@code beamSize} finished hypotheses. */
    private void offer(List<Hypothesis> finished, Hypothesis hypothesis) {
        finished.add(hypothesis);
        if (finished.size() > options.beamSize()) {
            finished.sort(Comparator.comparingDouble(h -> -h.score()));
            finished.remove(finished.size() - 1);
        }
    }

    /**
     * True when the beam is full of finished hypotheses and no live one can still overtake the worst of them: log
     * probabilities only fall, so the best a live hypothesis can reach is its current sum divided by the length
     * that flatters it most (the maximum length when α > 0, the next length otherwise).
     */
    private boolean cannotImprove(List<Hypothesis> finished, List<Live> next, int length) {
        if (finished.size() < options.beamSize()) {
            return false;
        }
        double worst = finished.stream().mapToDouble(Hypothesis::score).min().orElseThrow();
        int flatteringLength = options.lengthPenalty() > 0 ? options.maxLength() : length + 1;
        double bestLive = next.stream().mapToDouble(h -> options.normalise(h.logProb, flatteringLength)).max()
                .orElse(Double.NEGATIVE_INFINITY);
        return bestLive <= worst;
    }

    private static List<Live> flatten(List<List<Live>> live, boolean[] done) {
        List<Live> rows = new ArrayList<>();
        for (int s = 0; s < live.size(); s++) {
            if (!done[s]) {
                rows.addAll(live.get(s));
            }
        }
        return rows;
    }

    private record Candidate(int row, int token, double logProb) {}

    /** A live hypothesis; {@code parentRow} is its parent's row in the previous step's batch. */
    private record Live(int source, TokenSequence tokens, double logProb, int lastToken, int parentRow) {
        Live(int source, TokenSequence tokens, double logProb, int lastToken) {
            this(source, tokens, logProb, lastToken, source);
        }
    }
}
