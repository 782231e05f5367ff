package dev.lantern.shared.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lantern.shared.engine.DeviceChoice;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelDefinitionTest {

    @Test
    void workersShareTheCoresUnlessTheThreadsAreSet() {
        assertEquals(4, ModelDefinition.intraOpThreads(0, 2, 8));
        assertEquals(1, ModelDefinition.intraOpThreads(0, 4, 2), "at least one");
        assertEquals(3, ModelDefinition.intraOpThreads(3, 2, 8));
    }

    @Test
    void anEngineOptionIsAddedToTheThreadSettings() {
        ModelDefinition definition = ModelDefinition.sharingCores("m", Path.of("m.onnx"), DeviceChoice.CPU, 2, 1)
                .withEngineOption("sessionOptions", "options");
        assertEquals(Map.of("intraOpNumThreads", "2", "interOpNumThreads", "1", "sessionOptions", "options"),
                definition.engineOptions());
    }
}
