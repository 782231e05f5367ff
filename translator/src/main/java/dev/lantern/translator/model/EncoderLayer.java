package dev.lantern.translator.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** A pre-norm encoder layer: x + SelfAttention(LN(x)), then x + FFN(LN(x)). */
final class EncoderLayer extends AbstractBlock {

    private final float dropout;
    private final LayerNormalization attentionNorm;
    private final MultiHeadAttention selfAttention;
    private final LayerNormalization feedForwardNorm;
    private final FeedForward feedForward;

    EncoderLayer(TransformerConfig config) {
        dropout = config.dropout();
        attentionNorm = addChildBlock("attention_norm", new LayerNormalization(config.modelDim()));
        selfAttention = addChildBlock("self_attention",
                new MultiHeadAttention(config.modelDim(), config.heads(), config.dropout(), true));
        feedForwardNorm = addChildBlock("ffn_norm", new LayerNormalization(config.modelDim()));
        feedForward = addChildBlock("ffn",
                new FeedForward(config.modelDim(), config.feedForwardDim(), config.dropout()));
    }

    /** @param sourceMask additive padding mask {@code [batch, 1, 1, sourceLength]} */
    NDArray apply(ParameterStore ps, NDArray x, NDArray sourceMask, boolean training) {
        NDArray[] qkv = selfAttention.projectQueryKeyValue(ps, attentionNorm.apply(ps, x, training), training);
        x = x.add(drop(selfAttention.attend(ps, qkv[0], qkv[1], qkv[2], sourceMask, training), training));
        return x.add(drop(feedForward.apply(ps, feedForwardNorm.apply(ps, x, training), training), training));
    }

    private NDArray drop(NDArray x, boolean training) {
        return training && dropout > 0 ? Dropout.dropout(x, dropout, true).singletonOrThrow() : x;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(apply(ps, inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null, training));
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
