package dev.lantern.translator.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.lantern.shared.generation.BoundaryTokens;
import dev.lantern.shared.generation.DecoderState;
import dev.lantern.shared.generation.EncodedSources;
import dev.lantern.shared.generation.EncoderDecoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link TranslationTransformer} behind the shared generation seam: sources are padded and encoded once, the
 * memory's cross-attention keys/values are computed once per source, and each decoding step feeds one token per
 * hypothesis against the cached self-attention keys/values. Not for concurrent use of one search's state; the
 * model itself may serve several searches at once (inference only reads the parameters).
 */
public final class TransformerEncoderDecoder implements EncoderDecoder {

    private final TranslationTransformer model;
    private final BoundaryTokens boundary;
    private final int maxSourceLength;

    public TransformerEncoderDecoder(TranslationTransformer model, BoundaryTokens boundary) {
        this.model = model;
        this.boundary = boundary;
        this.maxSourceLength = model.config().maxPositions();
    }

    @Override
    public BoundaryTokens boundaryTokens() {
        return boundary;
    }

    @Override
    public EncodedSources encode(NDManager manager, int[][] sources) {
        int batch = sources.length;
        int length = 1;
        for (int[] source : sources) {
            length = Math.max(length, Math.min(source.length, maxSourceLength));
        }
        long[] ids = new long[batch * length];
        for (int b = 0; b < batch; b++) {
            int n = Math.min(sources[b].length, maxSourceLength);
            for (int t = 0; t < n; t++) {
                ids[b * length + t] = sources[b][t];
            }
        }
        ParameterStore ps = new ParameterStore(manager, false);
        NDArray source = manager.create(ids, new Shape(batch, length));
        NDArray sourceMask = AttentionMasks.padding(source, TranslationTransformer.PAD);
        NDArray memory = model.encode(ps, source, sourceMask, false);
        NDArray[][] memoryKv = model.memoryKeyValues(ps, memory);
        return new EncodedSources() {
            @Override
            public int size() {
                return batch;
            }

            @Override
            public DecoderState startDecoding(int[] sourceOfRow) {
                return new CachedDecoder(manager, sourceOfRow, memoryKv, sourceMask);
            }
        };
    }

    /** The decoder's rows with their caches; each step's arrays replace the previous step's, which are freed. */
    private final class CachedDecoder implements DecoderState {
        private final NDManager parent;
        private NDManager cacheManager;
        private int[] sourceOfRow;
        private int position;
        private NDArray[][] selfCache;
        private NDArray[][] memoryKv;
        private NDArray sourceMask;

        CachedDecoder(NDManager parent, int[] sourceOfRow, NDArray[][] sharedMemoryKv, NDArray sharedMask) {
            this.parent = parent;
            this.cacheManager = parent.newSubManager();
            this.sourceOfRow = sourceOfRow.clone();
            NDArray index = cacheManager.create(toLongs(sourceOfRow));
            memoryKv = new NDArray[sharedMemoryKv.length][2];
            selfCache = new NDArray[sharedMemoryKv.length][2];
            for (int layer = 0; layer < memoryKv.length; layer++) {
                memoryKv[layer][0] = take(sharedMemoryKv[layer][0], index);
                memoryKv[layer][1] = take(sharedMemoryKv[layer][1], index);
            }
            sourceMask = take(sharedMask, index);
        }

        @Override
        public int rows() {
            return sourceOfRow.length;
        }

        @Override
        public NDArray step(int[] lastTokens) {
            int rows = rows();
            if (lastTokens.length != rows) {
                throw new IllegalArgumentException(lastTokens.length + " tokens for " + rows + " rows");
            }
            NDManager next = parent.newSubManager();
            NDArray tokens = next.create(toLongs(lastTokens), new Shape(rows, 1));
            ParameterStore ps = new ParameterStore(next, false);
            NDArray logits = model.decodeStep(ps, tokens, position, selfCache, memoryKv, sourceMask);
            NDArray logProbs = logits.reshape(rows, -1).logSoftmax(-1);
            logProbs.attach(parent);
            position++;
            moveTo(next);
            return logProbs;
        }

        @Override
        public void select(int[] keep) {
            NDManager next = parent.newSubManager();
            NDArray index = next.create(toLongs(keep));
            for (NDArray[] pair : selfCache) {
                if (pair[0] != null) {
                    pair[0] = take(pair[0], index);
                    pair[1] = take(pair[1], index);
                }
            }
            int[] sources = new int[keep.length];
            for (int i = 0; i < keep.length; i++) {
                sources[i] = sourceOfRow[keep[i]];
            }
            // a row's memory keys/values are its source's: while beams only reorder within their sources (most
            // steps; a source finishing changes it) they stay as they are, instead of a copy of them all per step
            if (!Arrays.equals(sources, sourceOfRow)) {
                for (NDArray[] pair : memoryKv) {
                    pair[0] = take(pair[0], index);
                    pair[1] = take(pair[1], index);
                }
                sourceMask = take(sourceMask, index);
                sourceOfRow = sources;
            }
            moveTo(next);
        }

        /** Keeps the current caches on {@code next} and frees everything else the old manager held. */
        private void moveTo(NDManager next) {
            List<NDArray> keep = new ArrayList<>();
            for (NDArray[] pair : selfCache) {
                keep.add(pair[0]);
                keep.add(pair[1]);
            }
            for (NDArray[] pair : memoryKv) {
                keep.add(pair[0]);
                keep.add(pair[1]);
            }
            keep.add(sourceMask);
            for (NDArray array : keep) {
                if (array != null) {
                    array.attach(next);
                }
            }
            cacheManager.close();
            cacheManager = next;
        }

        private NDArray take(NDArray array, NDArray index) {
            return array.get(new NDIndex("{}", index));
        }
    }

    private static long[] toLongs(int[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
