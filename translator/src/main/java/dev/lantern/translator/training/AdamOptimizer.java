package dev.lantern.translator.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.lantern.translator.model.NoGrad;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Adam with bias correction, whose moments can be saved and loaded so that a resumed run continues exactly (DJL's
 * own Adam keeps its state private). The moments live on their own manager; every temporary is closed at once so
 * the long-lived managers do not grow.
 */
public final class AdamOptimizer implements AutoCloseable {

    private final List<Parameter> parameters;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final NDManager stateManager;
    private final NDArray[] firstMoments;
    private final NDArray[] secondMoments;
    private int steps;

    public AdamOptimizer(List<Parameter> parameters, NDManager parent, float beta1, float beta2, float epsilon) {
        this.parameters = parameters;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.stateManager = parent.newSubManager();
        firstMoments = new NDArray[parameters.size()];
        secondMoments = new NDArray[parameters.size()];
        for (int i = 0; i < parameters.size(); i++) {
            NDArray weight = parameters.get(i).getArray();
            firstMoments[i] = stateManager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
            secondMoments[i] = stateManager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
        }
    }

    public int steps() {
        return steps;
    }

    /**
     * One update with the gradients of the last backward pass, which are zeroed afterwards. When their global L2
     * norm exceeds {@code clipNorm} (if positive) they are scaled down to it; when it is not finite (a numerical
     * accident) the step is skipped and false returned. Gradient wrappers and temporaries go to {@code scratch},
     * which the caller closes.
     */
    public boolean step(float learningRate, float clipNorm, NDManager scratch) {
        NDArray[] gradients = new NDArray[parameters.size()];
        double squares = 0;
        for (int i = 0; i < gradients.length; i++) {
            gradients[i] = parameters.get(i).getArray().getGradient();
            gradients[i].attach(scratch);
            squares += gradients[i].square().sum().getFloat();
        }
        double norm = Math.sqrt(squares);
        if (!Double.isFinite(norm)) {
            zeroGradients();
            return false;
        }
        float scale = clipNorm > 0 && norm > clipNorm ? (float) (clipNorm / norm) : 1f;
        steps++;
        float correction = (float) (Math.sqrt(1 - Math.pow(beta2, steps)) / (1 - Math.pow(beta1, steps)));
        // a run on any thread but the one that started the engine (a test after a Quarkus app loaded PyTorch
        // elsewhere) failed here on in-place writes to the weights
        try (NoGrad noGrad = NoGrad.start()) {
            update(gradients, scale, learningRate * correction);
        }
        zeroGradients();
        return true;
    }

    private void update(NDArray[] gradients, float scale, float stepSize) {
        for (int i = 0; i < parameters.size(); i++) {
            NDArray weight = parameters.get(i).getArray();
            NDArray gradient = scale == 1f ? gradients[i] : gradients[i].mul(scale);
            firstMoments[i].muli(beta1).addi(gradient.mul(1 - beta1));
            secondMoments[i].muli(beta2).addi(gradient.square().muli(1 - beta2));
            try (NDArray denominator = secondMoments[i].sqrt()) {
                denominator.addi(epsilon);
                try (NDArray update = firstMoments[i].div(denominator)) {
                    weight.subi(update.muli(stepSize));
                }
            }
        }
    }

    /**
     * Gradients accumulate across backward passes in PyTorch: clear them with the engine's {@code grad.zero_()},
     * which also clears NaN (x − x would not). Not {@code copyTo}/{@code set(Buffer)}: DJL then points the tensor at
     * a Java buffer that the gradient's short-lived wrapper owns, and the next backward writes into freed memory.
     */
    private void zeroGradients() {
        for (Parameter parameter : parameters) {
            JniUtils.zeroGrad((PtNDArray) parameter.getArray());
        }
    }

    public void save(Path file) throws IOException {
        NDList state = new NDList();
        for (int i = 0; i < parameters.size(); i++) {
            state.add(firstMoments[i]);
            state.add(secondMoments[i]);
        }
        Files.write(file, state.encode());
    }

    public void load(Path file, int restoredSteps) throws IOException {
        NDList state = NDList.decode(stateManager, Files.readAllBytes(file));
        if (state.size() != 2 * parameters.size()) {
            throw new IOException(file + " holds " + state.size() + " arrays, not " + 2 * parameters.size());
        }
        for (int i = 0; i < parameters.size(); i++) {
            firstMoments[i].close();
            secondMoments[i].close();
            firstMoments[i] = state.get(2 * i).toDevice(parameters.get(i).getArray().getDevice(), false);
            secondMoments[i] = state.get(2 * i + 1).toDevice(parameters.get(i).getArray().getDevice(), false);
        }
        steps = restoredSteps;
    }

    @Override
    public void close() {
        stateManager.close();
    }
}
