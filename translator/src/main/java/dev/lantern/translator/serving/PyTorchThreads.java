package dev.lantern.translator.serving;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's intra-op thread count, which holds for the whole process. It is set on the started engine: DJL reads
 * {@code ai.djl.pytorch.num_threads} only when the engine starts, and in the suite another task or the native preload
 * of {@code LanternMain} may have started it before the translator loads.
 */
public final class PyTorchThreads {

    private PyTorchThreads() {}

    /**
     * Starts the PyTorch engine if nothing did yet, sets {@code threads} intra-op threads when above 0 (0 keeps what
     * the engine started with: Lantern's default of 1, or {@code -Dai.djl.pytorch.num_threads}), and returns the count
     * PyTorch reports.
     */
    public static int set(int threads) {
        Engine.getEngine("PyTorch");
        if (threads > 0) {
            JniUtils.setNumThreads(threads);
        }
        return JniUtils.getNumThreads();
    }
}
