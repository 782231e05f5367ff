package dev.lantern.shared.serving;

import dev.lantern.shared.engine.DeviceChoice;
import dev.lantern.shared.engine.ModelFormat;
import java.nio.file.Path;
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

    public ModelFormat format() {
        return ModelFormat.of(file);
    }
}
