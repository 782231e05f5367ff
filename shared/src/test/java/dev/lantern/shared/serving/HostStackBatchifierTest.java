package dev.lantern.shared.serving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.lantern.shared.engine.DjlEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HostStackBatchifierTest {

    @BeforeAll
    static void offline() {
        DjlEnvironment.lockDown();
    }

    @Test
    void stacksAndSplitsOnOnnxRuntimeArrays() {
        try (NDManager manager = Engine.getEngine("OnnxRuntime").newBaseManager()) {
            NDList a = new NDList(manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2)));
            NDList b = new NDList(manager.create(new float[] {5, 6, 7, 8}, new Shape(2, 2)));

            NDList batch = HostStackBatchifier.INSTANCE.batchify(new NDList[] {a, b});
            assertEquals(new Shape(2, 2, 2), batch.singletonOrThrow().getShape());
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, batch.singletonOrThrow().toFloatArray());

            NDList[] items = HostStackBatchifier.INSTANCE.unbatchify(batch);
            assertEquals(2, items.length);
            assertEquals(new Shape(2, 2), items[1].singletonOrThrow().getShape());
            assertArrayEquals(new float[] {5, 6, 7, 8}, items[1].singletonOrThrow().toFloatArray());
        }
    }

    @Test
    void refusesMismatchedShapes() {
        try (NDManager manager = Engine.getEngine("OnnxRuntime").newBaseManager()) {
            NDList a = new NDList(manager.create(new float[] {1, 2}, new Shape(2)));
            NDList b = new NDList(manager.create(new float[] {1, 2, 3}, new Shape(3)));
            assertThrows(IllegalArgumentException.class,
                    () -> HostStackBatchifier.INSTANCE.batchify(new NDList[] {a, b}));
        }
    }
}
