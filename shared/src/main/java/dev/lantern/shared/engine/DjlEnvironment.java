package dev.lantern.shared.engine;

/**
 * Process-wide DJL switches that must be set before an engine loads. DJL otherwise contacts outside hosts when an
 * engine or a Hugging Face tokenizer loads; in Lantern only the {@code ModelStore} may download anything.
 */
public final class DjlEnvironment {

    private DjlEnvironment() {}

    /** Idempotent; a value that the user set explicitly (-D) is kept, except for the network switches. */
    public static synchronized void lockDown() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("java.awt.headless", "true");
        // PyTorch's own thread pools default to all cores per op; with several predictors in parallel that
        // oversubscribes the CPU. One intra-op thread per worker is the throughput choice on CPU.
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        // DJL would load PyTorch beside ONNX Runtime for array operations that ONNX Runtime's arrays lack. Lantern's
        // translators do pre- and post-processing in Java arrays, so ONNX models start without libtorch: faster
        // start, about 100 MB less memory. Code that wants NDArray math on ONNX outputs uses a PyTorch manager.
        setIfAbsent("ai.djl.onnx.disable_alternative", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
