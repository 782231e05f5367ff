package dev.lantern.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.util.JsonUtils;
import com.google.gson.JsonObject;
import dev.lantern.classifier.translator.ClassProbabilities;
import dev.lantern.classifier.translator.ImageClassificationTranslator;
import dev.lantern.shared.engine.DeviceChoice;
import dev.lantern.shared.image.ImagePreprocessing;
import dev.lantern.shared.serving.BatchingOptions;
import dev.lantern.shared.serving.ModelDefinition;
import dev.lantern.shared.serving.ServedModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A classifier that is not the default one is configuration, not code: a TorchScript file runs on the PyTorch
 * engine through the same translator. The tiny model and its expected outputs come from make_tiny_classifier.py.
 */
class TorchScriptClassifierTest {

    @TempDir
    Path temp;

    @Test
    void torchScriptModelRunsOnPyTorchAndMatchesPython() throws Exception {
        Path model = copy("tiny-classifier.pt");
        JsonObject expected = JsonUtils.GSON.fromJson(
                Files.readString(copy("tiny-classifier-expected.json"), StandardCharsets.UTF_8), JsonObject.class);
        BufferedImage solid = new BufferedImage(300, 260, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = solid.createGraphics();
        g.setColor(new Color(200, 100, 50));
        g.fillRect(0, 0, 300, 260);
        g.dispose();

        try (ServedModel<BufferedImage, ClassProbabilities> served = ServedModel.load(
                new ModelDefinition("tiny", model, DeviceChoice.CPU, Map.of()), BufferedImage.class,
                ClassProbabilities.class, new ImageClassificationTranslator(ImagePreprocessing.IMAGENET, 1000, true),
                new BatchingOptions(4, Duration.ZERO, 8, 1), new SimpleMeterRegistry(), solid)) {
            assertEquals("PyTorch", served.engine());
            assertEquals("cpu", served.device());

            ClassProbabilities p = served.submit(solid).get(30, TimeUnit.SECONDS).output();
            int[] top5 = p.top(5);
            int[] expectedTop5 = JsonUtils.GSON.fromJson(expected.get("top5"), int[].class);
            double[] expectedP = JsonUtils.GSON.fromJson(expected.get("probabilities"), double[].class);
            assertArrayEquals(expectedTop5, top5);
            for (int i = 0; i < 5; i++) {
                assertEquals(expectedP[i], p.values()[top5[i]], 1e-6);
            }
        }
    }

    private Path copy(String resource) throws IOException {
        Path target = temp.resolve(resource);
        try (InputStream in = getClass().getResourceAsStream("/torchscript/" + resource)) {
            Files.copy(in, target);
        }
        return target;
    }
}
