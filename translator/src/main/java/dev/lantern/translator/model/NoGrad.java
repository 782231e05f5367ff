package dev.lantern.translator.model;

import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's autograd turned off for the calling thread until {@link #close}, which puts back what was there (the scoped
 * idiom of DJL's {@code PtGradientCollector}). Grad mode is per thread and DJL turns it off only on the thread that
 * started the engine; in-place writes to weights that require a gradient fail while it is on.
 */
public final class NoGrad implements AutoCloseable {

    private final boolean before;

    private NoGrad() {
        before = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
    }

    /** Use with try-with-resources. The PyTorch engine must have started. */
    public static NoGrad start() {
        return new NoGrad();
    }

    @Override
    public void close() {
        JniUtils.setGradMode(before);
    }
}
