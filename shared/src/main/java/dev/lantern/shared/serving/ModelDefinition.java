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
 * @param engineOptions DJL criteria options passed to the engine (for ONNX Runtime: intraOpNumThreads, ...)
 */
public record ModelDefinition(String name, Path file, DeviceChoice device, Map<String, String> engineOptions) {

    public ModelFormat format() {
        return ModelFormat.of(file);
    }
}
