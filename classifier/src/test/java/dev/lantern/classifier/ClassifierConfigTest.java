package dev.lantern.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.shared.engine.DeviceChoice;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings are checked when the mapping is built, which Quarkus does at start: a bad one stops the start. */
class ClassifierConfigTest {

    private static ClassifierConfig config(Map<String, String> settings) {
        return new SmallRyeConfigBuilder().withMapping(ClassifierConfig.class)
                .withSources(new MapBackedConfigSource("test", settings) {}).build()
                .getConfigMapping(ClassifierConfig.class);
    }

    private static String problem(Map<String, String> settings) {
        return assertThrows(ConfigValidationException.class, () -> config(settings)).getMessage();
    }

    @Test
    void theDefaultsAreValidAndTheDeviceIsTyped() {
        assertEquals(DeviceChoice.AUTO, config(Map.of()).device());
        assertEquals(DeviceChoice.GPU, config(Map.of("lantern.classifier.device", "GPU")).device());
        assertEquals(2, config(Map.of()).batching().workers());
    }

    @Test
    void aNumberOutOfRangeNamesThePropertyAndWhatIsAllowed() {
        // before, zero workers became "/ by zero" in the background load, behind a green readiness check
        String workers = problem(Map.of("lantern.classifier.batching.workers", "0"));
        assertTrue(workers.contains("lantern.classifier.batching.workers") && workers.contains("\"0\"")
                && workers.contains("(allowed: a whole number, 1 or more)"), workers);
        String wait = problem(Map.of("lantern.classifier.batching.max-wait-ms", "-5"));
        assertTrue(wait.contains("lantern.classifier.batching.max-wait-ms") && wait.contains("0 or more"), wait);
        String bytes = problem(Map.of("lantern.classifier.images.max-bytes", "lots"));
        assertTrue(bytes.contains("lantern.classifier.images.max-bytes") && bytes.contains("1 or more"), bytes);
        String std = problem(Map.of("lantern.classifier.preprocessing.std", "0.229,0,0.225"));
        assertTrue(std.contains("lantern.classifier.preprocessing.std") && std.contains("above 0"), std);
    }

    @Test
    void anUnknownDeviceNamesThePropertyAndTheChoices() {
        String device = problem(Map.of("lantern.classifier.device", "tpu"));
        assertTrue(device.contains("lantern.classifier.device") && device.contains("auto,cpu,gpu"), device);
    }
}
