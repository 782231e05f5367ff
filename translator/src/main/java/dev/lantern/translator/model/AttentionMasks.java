package dev.lantern.translator.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Additive attention masks: 0 where attention is allowed, {@link #BLOCKED} where it is not. A large finite value
 * rather than -∞ keeps a fully masked row finite (a row of pure padding gives uniform weights, not NaN).
 */
public final class AttentionMasks {

    public static final float BLOCKED = -1e9f;

    private AttentionMasks() {}

    /** {@code [batch, 1, 1, length]}: blocks the keys that are padding. */
    public static NDArray padding(NDArray tokens, int padId) {
        Shape shape = tokens.getShape();
        return tokens.eq(padId).toType(DataType.FLOAT32, false).mul(BLOCKED)
                .reshape(shape.get(0), 1, 1, shape.get(1));
    }

    /** {@code [1, 1, length, length]}: position i may attend to positions 0..i only. */
    public static NDArray causal(NDManager manager, int length) {
        float[] mask = new float[length * length];
        for (int i = 0; i < length; i++) {
            for (int j = i + 1; j < length; j++) {
                mask[i * length + j] = BLOCKED;
            }
        }
        return manager.create(mask, new Shape(1, 1, length, length));
    }
}
