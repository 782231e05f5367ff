package dev.lantern.translator.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A pre-norm decoder layer: masked self-attention, cross-attention to the encoder's memory, feed-forward, each as
 * x + Sublayer(LN(x)). {@link #apply} runs a whole target sequence (training); {@link #step} runs one new token
 * against cached keys and values (generation).
 */
final class DecoderLayer extends AbstractBlock {

    private final float dropout;
    private final LayerNormalization selfAttentionNorm;
    private final MultiHeadAttention selfAttention;
    private final LayerNormalization crossAttentionNorm;
    private final MultiHeadAttention crossAttention;
    private final LayerNormalization feedForwardNorm;
    private final FeedForward feedForward;

    DecoderLayer(TransformerConfig config) {
        dropout = config.dropout();
        selfAttentionNorm = addChildBlock("self_attention_norm", new LayerNormalization(config.modelDim()));
        selfAttention = addChildBlock("self_attention",
                new MultiHeadAttention(config.modelDim(), config.heads(), config.dropout(), true));
        crossAttentionNorm = addChildBlock("cross_attention_norm", new LayerNormalization(config.modelDim()));
        crossAttention = addChildBlock("cross_attention",
                new MultiHeadAttention(config.modelDim(), config.heads(), config.dropout(), false));
        feedForwardNorm = addChildBlock("ffn_norm", new LayerNormalization(config.modelDim()));
        feedForward = addChildBlock("ffn",
                new FeedForward(config.modelDim(), config.feedForwardDim(), config.dropout()));
    }

    /** Key and value heads of the memory for cross-attention: computed once per source, reused at every step. */
    NDArray[] memoryKeyValue(ParameterStore ps, NDArray memory, boolean training) {
        return crossAttention.projectKeyValue(ps, memory, training);
    }

    /**
     * @param causalMask additive {@code [1, 1, targetLength, targetLength]}
     * @param sourceMask additive {@code [batch, 1, 1, sourceLength]}
     */
    NDArray apply(ParameterStore ps, NDArray x, NDArray memory, NDArray causalMask, NDArray sourceMask,
            boolean training) {
        NDArray[] qkv = selfAttention.projectQueryKeyValue(ps, selfAttentionNorm.apply(ps, x, training), training);
        x = x.add(drop(selfAttention.attend(ps, qkv[0], qkv[1], qkv[2], causalMask, training), training));
        NDArray[] memoryKv = memoryKeyValue(ps, memory, training);
        return crossAndFeedForward(ps, x, memoryKv[0], memoryKv[1], sourceMask, training);
    }

    /**
     * One new position per row. {@code cache} holds this layer's self-attention keys and values of the earlier
     * positions ({@code [rows, heads, t, headDim]}, or nulls at the first step) and is replaced by the grown ones.
     */
    NDArray step(ParameterStore ps, NDArray x, NDArray[] cache, NDArray memoryKey, NDArray memoryValue,
            NDArray sourceMask) {
        NDArray[] qkv = selfAttention.projectQueryKeyValue(ps, selfAttentionNorm.apply(ps, x, false), false);
        NDArray keys = cache[0] == null ? qkv[1] : NDArrays.concat(new NDList(cache[0], qkv[1]), 2);
        NDArray values = cache[1] == null ? qkv[2] : NDArrays.concat(new NDList(cache[1], qkv[2]), 2);
        cache[0] = keys;
        cache[1] = values;
        // the newest position may see every earlier one: no mask needed
        x = x.add(selfAttention.attend(ps, qkv[0], keys, values, null, false));
        return crossAndFeedForward(ps, x, memoryKey, memoryValue, sourceMask, false);
    }

    private NDArray crossAndFeedForward(ParameterStore ps, NDArray x, NDArray memoryKey, NDArray memoryValue,
            NDArray sourceMask, boolean training) {
        NDArray q = crossAttention.projectQuery(ps, crossAttentionNorm.apply(ps, x, training), training);
        x = x.add(drop(crossAttention.attend(ps, q, memoryKey, memoryValue, sourceMask, training), training));
        return x.add(drop(feedForward.apply(ps, feedForwardNorm.apply(ps, x, training), training), training));
    }

    private NDArray drop(NDArray x, boolean training) {
        return training && dropout > 0 ? Dropout.dropout(x, dropout, true).singletonOrThrow() : x;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        throw new UnsupportedOperationException("called through TranslationTransformer");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
        for (var child : getChildren().values()) {
            child.initialize(manager, dataType, shapes[0]);
        }
    }
}
