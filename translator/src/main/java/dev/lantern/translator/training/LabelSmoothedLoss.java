package dev.lantern.translator.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Cross-entropy with label smoothing ε: the target gets 1−ε of the probability mass and ε is spread evenly over the
 * vocabulary. Padding positions (id 0) do not count; the result is the sum over real target tokens.
 */
public final class LabelSmoothedLoss {

    private final float epsilon;

    public LabelSmoothedLoss(float epsilon) {
        this.epsilon = epsilon;
    }

    /**
     * @param logits  {@code [batch, length, vocabulary]}
     * @param targets {@code [batch, length]} int64, 0 for padding
     * @return the summed loss, a scalar
     */
    public NDArray sum(NDArray logits, NDArray targets) {
        NDArray logProbs = logits.logSoftmax(-1);
        NDArray nll = logProbs.gather(targets.expandDims(2), 2).squeeze(2).neg();
        NDArray perToken = epsilon == 0 ? nll
                : nll.mul(1 - epsilon).add(logProbs.mean(new int[] {2}).neg().mul(epsilon));
        NDArray real = targets.neq(0).toType(DataType.FLOAT32, false);
        return perToken.mul(real).sum();
    }
}
