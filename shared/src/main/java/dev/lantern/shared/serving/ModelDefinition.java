package dev.lantern.shared.serving;

import dev.lantern.shared.engine.DeviceChoice;
import dev.lantern.shared.engine.ModelFormat;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A model file ready to load: where it is, what format it has and where it should run.
 *
 * @param name a short name reported by the API and used in metrics
 * @param file the resolved local model file
 * @param device where to run it
 * @param engineOptions load options passed to the engine: strings (for ONNX Runtime: intraOpNumThreads, ...) or, where
 *     the engine reads one, an object (ONNX Runtime: sessionOptions, an {@code OrtSession.SessionOptions})
 */
public record ModelDefinition(String name, Path file, DeviceChoice device, Map<String, ?> engineOptions) {

    /**
     * A model served by {@code workers} predictors in parallel, each forward pass on {@code threads} intra-op threads
     * (0: the cores shared out among the workers) and one inter-op thread.
     */
    public static ModelDefinition sharingCores(String name, Path file, DeviceChoice device, int threads, int workers) {
        return new ModelDefinition(name, file, device, Map.of(
                "intraOpNumThreads", String.valueOf(intraOpThreads(threads, workers, availableCores())),
                "interOpNumThreads", "1"));
    }

    /** {@code threads} when set, else {@code cores / workers}, at least one. */
    static int intraOpThreads(int threads, int workers, int cores) {
        return threads > 0 ? threads : Math.max(1, cores / workers);
    }

    private static int availableCores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** This definition with one more engine option (an object, such as ONNX Runtime's sessionOptions). */
    public ModelDefinition withEngineOption(String key, Object value) {
        Map<String, Object> options = new HashMap<>(engineOptions);
        options.put(key, value);
        return new ModelDefinition(name, file, device, options);
    }

    public ModelFormat format() {
        return ModelFormat.of(file);
    }
}
