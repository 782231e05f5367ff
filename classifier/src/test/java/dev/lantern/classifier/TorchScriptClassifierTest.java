package dev.lantern.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.util.JsonUtils;
import com.google.gson.JsonObject;
import dev.lantern.shared.model.ModelStore;
import dev.lantern.shared.testing.TestData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A classifier that is not the default one is configuration, not code: a TorchScript file named in the settings
 * runs on the PyTorch engine through the same translator. The tiny model and its expected outputs come from
 * src/test/resources/torchscript/make_tiny_classifier.py.
 */
class TorchScriptClassifierTest {

    /** sha256 of src/test/resources/torchscript/tiny-classifier.pt. */
    private static final String TINY_SHA256 = "ff2f4895d507490074c06e23da7b3cb28586bb20b187878258fcd1c525646350";

    @TempDir
    Path temp;

    @Test
    void torchScriptModelIsConfigurationAndMatchesPython() throws Exception {
        Path mirror = temp.resolve("mirror");
        Files.createDirectories(mirror);
        copy("tiny-classifier.pt", mirror);
        Files.copy(TestData.models().resolve("imagenet-simple-labels.json"),
                mirror.resolve("imagenet-simple-labels.json"));
        ClassifierConfig config = new SmallRyeConfigBuilder().withMapping(ClassifierConfig.class)
                .withDefaultValue("lantern.classifier.name", "tiny")
                .withDefaultValue("lantern.classifier.model.url", "https://models.example/tiny-classifier.pt")
                .withDefaultValue("lantern.classifier.model.sha256", TINY_SHA256)
                .withDefaultValue("lantern.classifier.device", "cpu")
                .build().getConfigMapping(ClassifierConfig.class);
        ModelStore store = new ModelStore(Optional.of(mirror), temp.resolve("cache"), true);
        JsonObject expected = JsonUtils.GSON.fromJson(
                Files.readString(copy("tiny-classifier-expected.json", temp), StandardCharsets.UTF_8),
                JsonObject.class);
        BufferedImage solid = new BufferedImage(300, 260, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = solid.createGraphics();
        g.setColor(new Color(200, 100, 50));
        g.fillRect(0, 0, 300, 260);
        g.dispose();

        try (ClassifierModel classifier = ClassifierModel.load(config, store, new SimpleMeterRegistry())) {
            Classification result = classifier.classify(solid, 5, 0).get(30, TimeUnit.SECONDS);
            assertEquals("tiny", result.model());
            assertEquals("cpu", result.device());
            int[] expectedTop5 = JsonUtils.GSON.fromJson(expected.get("top5"), int[].class);
            double[] expectedP = JsonUtils.GSON.fromJson(expected.get("probabilities"), double[].class);
            for (int i = 0; i < 5; i++) {
                Prediction prediction = result.predictions().get(i);
                assertEquals(expectedTop5[i], prediction.classIndex(), "rank " + i);
                assertEquals(expectedP[i], prediction.probability(), 1e-6, "rank " + i);
            }
        }
    }

    private Path copy(String resource, Path folder) throws IOException {
        Path target = folder.resolve(resource);
        try (InputStream in = getClass().getResourceAsStream("/torchscript/" + resource)) {
            Files.copy(in, target);
        }
        return target;
    }
}
