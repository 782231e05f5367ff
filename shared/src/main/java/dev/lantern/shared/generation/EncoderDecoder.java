package dev.lantern.shared.generation;

import ai.djl.ndarray.NDManager;

/**
 * A sequence-to-sequence model seen by the search strategies: encode a batch of sources once, then decode step by
 * step. Any encoder-decoder (Lantern's own translator, an imported Marian or BART, a captioning decoder fed by an
 * image encoder) fits behind it, so {@link GreedySearch} and {@link BeamSearch} never know which model runs.
 */
public interface EncoderDecoder {

    /** The token that starts every target sequence and the one that ends it. */
    BoundaryTokens boundaryTokens();

    /**
     * Encodes a batch of token sequences (lengths may differ; padding is the model's business). Arrays are created
     * on {@code manager}, which the caller closes after the search.
     */
    EncodedSources encode(NDManager manager, int[][] sources);
}
