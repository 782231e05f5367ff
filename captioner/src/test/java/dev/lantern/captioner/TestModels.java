package dev.lantern.captioner;

import dev.lantern.classifier.ClassifierConfig;
import dev.lantern.classifier.ClassifierModel;
import dev.lantern.shared.model.ModelStore;
import dev.lantern.shared.testing.TestData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;

/** The models loaded as plain Java, from the default settings and the offline mirror, for tests without Quarkus. */
public final class TestModels {

    private TestModels() {}

    public static CaptionerConfig captionerConfig(Map<String, String> overrides) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withMapping(CaptionerConfig.class);
        overrides.forEach(builder::withDefaultValue);
        return builder.build().getConfigMapping(CaptionerConfig.class);
    }

    public static ClassifierConfig classifierConfig() {
        return new SmallRyeConfigBuilder().withMapping(ClassifierConfig.class).build()
                .getConfigMapping(ClassifierConfig.class);
    }

    public static ModelStore store() {
        try {
            return new ModelStore(Optional.of(TestData.models()), Files.createTempDirectory("lantern-test-cache"),
                    true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DetectorModel detector() {
        return DetectorModel.load(captionerConfig(Map.of("lantern.captioner.device", "cpu")), store(),
                new SimpleMeterRegistry());
    }

    public static ClassifierModel classifier() {
        return ClassifierModel.load(classifierConfig(), store(), new SimpleMeterRegistry());
    }
}
