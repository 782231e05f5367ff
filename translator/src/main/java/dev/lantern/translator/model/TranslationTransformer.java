package dev.lantern.translator.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A pre-norm Transformer encoder-decoder for translation, as a DJL block: one embedding shared by source, target
 * and output projection (the vocabulary is joint), sinusoidal positions, final layer norms on both sides.
 * {@link #forwardInternal} takes {@code (source, targetIn)} token ids {@code [batch, length]} (int64, padding 0)
 * and gives logits {@code [batch, targetLength, vocabulary]}; generation uses {@link #encode} once and
 * {@link #decodeStep} per token through {@link TransformerEncoderDecoder}.
 */
public final class TranslationTransformer extends AbstractBlock {

    static final int PAD = 0;

    private final TransformerConfig config;
    private final Parameter embedding;
    private final List<EncoderLayer> encoderLayers = new ArrayList<>();
    private final LayerNormalization encoderNorm;
    private final List<DecoderLayer> decoderLayers = new ArrayList<>();
    private final LayerNormalization decoderNorm;
    private final float[] positions;
    private final float embeddingScale;

    public TranslationTransformer(TransformerConfig config) {
        this.config = config;
        int d = config.modelDim();
        embedding = addParameter(Parameter.builder().setName("embedding").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.vocabularySize(), d))
                .optInitializer(new NormalInitializer((float) Math.pow(d, -0.5))).build());
        for (int i = 0; i < config.encoderLayers(); i++) {
            encoderLayers.add(addChildBlock("encoder_" + i, new EncoderLayer(config)));
        }
        encoderNorm = addChildBlock("encoder_norm", new LayerNormalization(d));
        for (int i = 0; i < config.decoderLayers(); i++) {
            decoderLayers.add(addChildBlock("decoder_" + i, new DecoderLayer(config)));
        }
        decoderNorm = addChildBlock("decoder_norm", new LayerNormalization(d));
        positions = SinusoidalPositions.table(config.maxPositions(), d);
        embeddingScale = (float) Math.sqrt(d);
    }

    public TransformerConfig config() {
        return config;
    }

    /** Encoder output {@code [batch, sourceLength, d]}. */
    public NDArray encode(ParameterStore ps, NDArray source, NDArray sourceMask, boolean training) {
        NDArray x = embed(ps, source, 0, training);
        for (EncoderLayer layer : encoderLayers) {
            x = layer.apply(ps, x, sourceMask, training);
        }
        return encoderNorm.apply(ps, x, training);
    }

    /** Logits {@code [batch, targetLength, vocabulary]} for every position of a target (teacher forcing). */
    public NDArray decode(ParameterStore ps, NDArray targetIn, NDArray memory, NDArray sourceMask,
            boolean training) {
        NDArray x = embed(ps, targetIn, 0, training);
        NDArray causal = AttentionMasks.causal(targetIn.getManager(), (int) targetIn.getShape().get(1));
        for (DecoderLayer layer : decoderLayers) {
            x = layer.apply(ps, x, memory, causal, sourceMask, training);
        }
        return logits(ps, x, training);
    }

    /** Per decoder layer, the key and value heads of the memory. */
    NDArray[][] memoryKeyValues(ParameterStore ps, NDArray memory) {
        NDArray[][] kv = new NDArray[decoderLayers.size()][];
        for (int i = 0; i < kv.length; i++) {
            kv[i] = decoderLayers.get(i).memoryKeyValue(ps, memory, false);
        }
        return kv;
    }

    /**
     * Logits {@code [rows, 1, vocabulary]} of the token after {@code lastTokens [rows, 1]} at {@code position};
     * {@code selfCache[layer]} (keys, values) grows by that position.
     */
    NDArray decodeStep(ParameterStore ps, NDArray lastTokens, int position, NDArray[][] selfCache,
            NDArray[][] memoryKv, NDArray sourceMask) {
        NDArray x = embed(ps, lastTokens, position, false);
        for (int i = 0; i < decoderLayers.size(); i++) {
            x = decoderLayers.get(i).step(ps, x, selfCache[i], memoryKv[i][0], memoryKv[i][1], sourceMask);
        }
        return logits(ps, x, false);
    }

    private NDArray logits(ParameterStore ps, NDArray x, boolean training) {
        NDArray normalised = decoderNorm.apply(ps, x, training);
        return Linear.linear(normalised, ps.getValue(embedding, x.getDevice(), training)).singletonOrThrow();
    }

    private NDArray embed(ParameterStore ps, NDArray tokens, int offset, boolean training) {
        int length = (int) tokens.getShape().get(1);
        int d = config.modelDim();
        if (offset + length > config.maxPositions()) {
            throw new IllegalArgumentException("sequence of " + (offset + length) + " tokens is longer than the "
                    + config.maxPositions() + " positions of this model");
        }
        NDArray weight = ps.getValue(embedding, tokens.getDevice(), training);
        NDArray x = Embedding.embedding(tokens, weight, SparseFormat.DENSE).singletonOrThrow().mul(embeddingScale);
        float[] slice = new float[length * d];
        System.arraycopy(positions, offset * d, slice, 0, slice.length);
        x = x.add(tokens.getManager().create(slice, new Shape(1, length, d)));
        return training && config.dropout() > 0 ? Dropout.dropout(x, config.dropout(), true).singletonOrThrow() : x;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray source = inputs.get(0);
        NDArray sourceMask = AttentionMasks.padding(source, PAD);
        NDArray memory = encode(ps, source, sourceMask, training);
        return new NDList(decode(ps, inputs.get(1), memory, sourceMask, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape target = inputShapes[1];
        return new Shape[] {new Shape(target.get(0), target.get(1), config.vocabularySize())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
        Shape hidden = new Shape(1, 1, config.modelDim());
        for (var child : getChildren().values()) {
            child.initialize(manager, dataType, hidden);
        }
    }
}
