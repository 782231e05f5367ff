package dev.lantern.translator.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Scaled dot-product attention with several heads. Queries, keys and values come from one fused projection
 * ({@link #projectQueryKeyValue}, self-attention) or from two ({@link #projectQuery} of the decoder and
 * {@link #projectKeyValue} of the encoder's memory, cross-attention), so the decoder can cache keys and values and
 * project only the newest token at each step. Heads are laid out as {@code [batch, heads, length, headDim]}.
 */
final class MultiHeadAttention extends AbstractBlock {

    private final int modelDim;
    private final int heads;
    private final float dropout;
    private final float scale;
    private final Linear queryKeyValue;
    private final Linear query;
    private final Linear keyValue;
    private final Linear output;

    MultiHeadAttention(int modelDim, int heads, float dropout, boolean selfAttention) {
        this.modelDim = modelDim;
        this.heads = heads;
        this.dropout = dropout;
        this.scale = (float) (1 / Math.sqrt((double) modelDim / heads));
        if (selfAttention) {
            queryKeyValue = addChildBlock("qkv", Linear.builder().setUnits(3L * modelDim).build());
            query = null;
            keyValue = null;
        } else {
            queryKeyValue = null;
            query = addChildBlock("q", Linear.builder().setUnits(modelDim).build());
            keyValue = addChildBlock("kv", Linear.builder().setUnits(2L * modelDim).build());
        }
        output = addChildBlock("out", Linear.builder().setUnits(modelDim).build());
    }

    /** Query, key and value heads of {@code x [batch, length, d]}; the query is already scaled. */
    NDArray[] projectQueryKeyValue(ParameterStore ps, NDArray x, boolean training) {
        NDList parts = queryKeyValue.forward(ps, new NDList(x), training).singletonOrThrow().split(3, 2);
        return new NDArray[] {splitHeads(parts.get(0).mul(scale)), splitHeads(parts.get(1)),
            splitHeads(parts.get(2))};
    }

    NDArray projectQuery(ParameterStore ps, NDArray x, boolean training) {
        return splitHeads(query.forward(ps, new NDList(x), training).singletonOrThrow().mul(scale));
    }

    /** Key and value heads of the encoder's memory {@code [batch, sourceLength, d]}. */
    NDArray[] projectKeyValue(ParameterStore ps, NDArray memory, boolean training) {
        NDList parts = keyValue.forward(ps, new NDList(memory), training).singletonOrThrow().split(2, 2);
        return new NDArray[] {splitHeads(parts.get(0)), splitHeads(parts.get(1))};
    }

    /**
     * Attends queries to keys/values and projects the heads back to {@code [batch, queryLength, d]}.
     *
     * @param mask additive, broadcast to {@code [batch, heads, queryLength, keyLength]} (0 keeps, a large negative
     *             number masks); {@code null} for none
     */
    NDArray attend(ParameterStore ps, NDArray q, NDArray k, NDArray v, NDArray mask, boolean training) {
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2));
        if (mask != null) {
            scores = scores.add(mask);
        }
        NDArray weights = scores.softmax(-1);
        if (training && dropout > 0) {
            weights = Dropout.dropout(weights, dropout, true).singletonOrThrow();
        }
        NDArray context = weights.matMul(v);
        Shape shape = context.getShape();
        NDArray merged = context.transpose(0, 2, 1, 3).reshape(shape.get(0), shape.get(2), modelDim);
        return output.forward(ps, new NDList(merged), training).singletonOrThrow();
    }

    private NDArray splitHeads(NDArray x) {
        Shape shape = x.getShape();
        return x.reshape(shape.get(0), shape.get(1), heads, modelDim / heads).transpose(0, 2, 1, 3);
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
        Shape in = new Shape(1, modelDim);
        for (Linear linear : new Linear[] {queryKeyValue, query, keyValue, output}) {
            if (linear != null) {
                linear.initialize(manager, dataType, in);
            }
        }
    }
}
