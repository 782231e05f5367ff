package dev.lantern.shared.serving;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import java.util.Arrays;

/**
 * Stacks float inputs into a batch and splits float outputs back, by copying in host memory. DJL's default
 * {@code Batchifier.STACK} needs array operations that ONNX Runtime's arrays lack, so with it every batch goes
 * through a helper engine (PyTorch: a 400 MB native library loaded and two extra copies per batch).
 */
public final class HostStackBatchifier implements Batchifier {

    public static final HostStackBatchifier INSTANCE = new HostStackBatchifier();

    private HostStackBatchifier() {}

    @Override
    public NDList batchify(NDList[] inputs) {
        int items = inputs.length;
        NDList batch = new NDList(inputs[0].size());
        for (int part = 0; part < inputs[0].size(); part++) {
            NDArray first = inputs[0].get(part);
            requireFloat(first);
            int size = Math.toIntExact(first.size());
            float[] data = new float[items * size];
            for (int i = 0; i < items; i++) {
                NDArray array = inputs[i].get(part);
                if (!array.getShape().equals(first.getShape())) {
                    throw new IllegalArgumentException("cannot batch shapes " + first.getShape() + " and "
                            + array.getShape());
                }
                System.arraycopy(array.toFloatArray(), 0, data, i * size, size);
            }
            batch.add(first.getManager().create(data, new Shape(items).addAll(first.getShape())));
        }
        return batch;
    }

    @Override
    public NDList[] unbatchify(NDList batch) {
        int items = Math.toIntExact(batch.get(0).getShape().get(0));
        NDList[] out = new NDList[items];
        for (int i = 0; i < items; i++) {
            out[i] = new NDList(batch.size());
        }
        for (NDArray array : batch) {
            requireFloat(array);
            Shape itemShape = array.getShape().slice(1);
            int size = Math.toIntExact(itemShape.size());
            float[] all = array.toFloatArray();
            NDManager manager = array.getManager();
            for (int i = 0; i < items; i++) {
                out[i].add(manager.create(Arrays.copyOfRange(all, i * size, (i + 1) * size), itemShape));
            }
        }
        return out;
    }

    @Override
    public NDList[] split(NDList list, int numOfSlices, boolean evenUp) {
        throw new UnsupportedOperationException("splitting across devices is a training concern");
    }

    private static void requireFloat(NDArray array) {
        if (array.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("HostStackBatchifier batches float32 arrays, not "
                    + array.getDataType());
        }
    }
}
