package dev.lantern.shared.generation;

/** The encoder's output for a batch of sources: computed once, shared by every hypothesis of a source. */
public interface EncodedSources {

    /** Number of sources in the batch. */
    int size();

    /**
     * Starts a decoder with one row per hypothesis; {@code sourceOfRow[i]} names the source that row {@code i}
     * translates. Every row starts from the BOS token with an empty key/value cache.
     */
    DecoderState startDecoding(int[] sourceOfRow);
}
