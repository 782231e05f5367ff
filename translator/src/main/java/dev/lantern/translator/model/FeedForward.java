package dev.lantern.translator.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** The position-wise two-layer network of a Transformer layer: d → ffn → ReLU → dropout → d. */
final class FeedForward extends AbstractBlock {

    private final int modelDim;
    private final int hiddenDim;
    private final float dropout;
    private final Linear expand;
    private final Linear contract;

    FeedForward(int modelDim, int hiddenDim, float dropout) {
        this.modelDim = modelDim;
        this.hiddenDim = hiddenDim;
        this.dropout = dropout;
        expand = addChildBlock("expand", Linear.builder().setUnits(hiddenDim).build());
        contract = addChildBlock("contract", Linear.builder().setUnits(modelDim).build());
    }

    NDArray apply(ParameterStore ps, NDArray x, boolean training) {
        NDArray hidden = Activation.relu(expand.forward(ps, new NDList(x), training).singletonOrThrow());
        if (training && dropout > 0) {
            hidden = Dropout.dropout(hidden, dropout, true).singletonOrThrow();
        }
        return contract.forward(ps, new NDList(hidden), training).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(apply(ps, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
        expand.initialize(manager, dataType, new Shape(1, modelDim));
        contract.initialize(manager, dataType, new Shape(1, hiddenDim));
    }
}
