package dev.lantern.shared.generation;

import ai.djl.ndarray.NDManager;
import java.util.List;

/** A decoding strategy over any {@link EncoderDecoder}. */
public interface SequenceSearch {

    /**
     * Generates for every source its hypotheses, best first (one for greedy search, up to the beam size for beam
     * search). Arrays live on a child of {@code manager} that is closed before this returns.
     */
    List<List<Hypothesis>> search(EncoderDecoder model, NDManager manager, int[][] sources);

    /** The best hypothesis of every source. */
    default List<Hypothesis> best(EncoderDecoder model, NDManager manager, int[][] sources) {
        return search(model, manager, sources).stream().map(list -> list.get(0)).toList();
    }
}
