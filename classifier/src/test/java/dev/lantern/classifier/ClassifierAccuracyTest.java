package dev.lantern.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.lantern.shared.testing.TaskReadiness;
import dev.lantern.shared.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The served classifier against a plain ONNX Runtime run of the same model on the crops that torchvision's
 * pre-processing makes with Pillow ({@code Resize(256)}, {@code CenterCrop(224)}; fixtures written by
 * shared/src/test/python/make_resize_references.py), normalised here from the model's documented conventions.
 */
@QuarkusTest
class ClassifierAccuracyTest {

    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    private static OrtEnvironment environment;
    private static OrtSession reference;

    @Inject
    ImageClassifier classifier;

    @Inject
    ClassifierConfig config;

    @BeforeEach
    void ready() throws InterruptedException, OrtException {
        TaskReadiness.await("classifier");
        // after DJL's engine exists: ONNX Runtime allows one environment per process, and DJL creates its own
        if (reference == null) {
            environment = OrtEnvironment.getEnvironment();
            reference = environment.createSession(TestData.models().resolve("mobilenetv2-12-int8.onnx").toString(),
                    ClassifierModel.sessionOptions());
        }
    }

    @AfterAll
    static void closeReference() throws OrtException {
        if (reference != null) {
            reference.close();
        }
    }

    @Test
    void servedAnswersAreThoseOfTheReferencePipeline() throws Exception {
        int top1Hits = 0;
        int top5Hits = 0;
        for (TestData.LabelledImage image : TestData.labelledImages()) {
            String name = image.file().getFileName().toString();
            Classification served = classifier.classify(TestData.bytes(image.file()), 5).get(30, TimeUnit.SECONDS);
            double[] expected = referenceProbabilities(pillowCrop(image.file()));
            List<Integer> expectedTop5 = top(expected, 5);
            assertEquals(expectedTop5, served.predictions().stream().map(Prediction::classIndex).toList(), name);
            for (Prediction p : served.predictions()) {
                assertEquals(expected[p.classIndex()], p.probability(), 1e-4, name + " probability of " + p.label());
            }
            top1Hits += expectedTop5.get(0) == image.classIndex() ? 1 : 0;
            top5Hits += expectedTop5.contains(image.classIndex()) ? 1 : 0;
            if (expectedTop5.get(0) == image.classIndex()) {
                assertEquals(image.label(), served.predictions().get(0).label(), name);
            }
        }
        // measured with torchvision's pre-processing: 9/12 top-1, 11/12 top-5 (the baluster is not in its top-5)
        assertTrue(top1Hits >= 9, "top-1 hits " + top1Hits);
        assertTrue(top5Hits >= 11, "top-5 hits " + top5Hits);
    }

    @Test
    void imagesBatchedTogetherGetTheAnswersTheyGetAlone() throws Exception {
        List<byte[]> photos = TestData.labelledImages().stream().map(image -> TestData.bytes(image.file())).toList();
        List<Classification> alone = new ArrayList<>();
        for (byte[] photo : photos) {
            alone.add(classifier.classify(photo, 3).get(30, TimeUnit.SECONDS));
        }
        // sent all at once: while one batch runs, the others queue and run together
        List<Classification> together = new ArrayList<>();
        for (CompletableFuture<Classification> answer : classifier.classifyEach(photos, 3)) {
            together.add(answer.get(60, TimeUnit.SECONDS));
        }
        assertTrue(together.stream().anyMatch(c -> c.timings().batchSize() > 1), "no batch formed");
        for (int i = 0; i < photos.size(); i++) {
            List<Prediction> expected = alone.get(i).predictions();
            List<Prediction> actual = together.get(i).predictions();
            for (int k = 0; k < expected.size(); k++) {
                assertEquals(expected.get(k).classIndex(), actual.get(k).classIndex(), "image " + i);
                assertEquals(expected.get(k).probability(), actual.get(k).probability(), 1e-5, "image " + i);
            }
        }
    }

    @Test
    void anAlreadyDecodedImageGetsTheSameAnswerAsItsBytes() throws Exception {
        // the captioner's path: it decodes once and hands the pixels to the detector and to the classifier
        byte[] bytes = TestData.bytes(TestData.images().resolve("n03793489_mouse.JPEG"));
        Classification fromBytes = classifier.classify(bytes, 5).get(30, TimeUnit.SECONDS);
        Classification fromPixels = classifier.classify(ImageClassifier.decoder(config.images(), false).decode(bytes), 5)
                .get(30, TimeUnit.SECONDS);
        assertEquals(fromBytes.predictions(), fromPixels.predictions());
        assertEquals(0.0, fromPixels.timings().decodeMs());
    }

    /** The 224×224 crop torchvision makes of {@code photo} with Pillow. */
    private static BufferedImage pillowCrop(Path photo) throws IOException {
        String name = photo.getFileName().toString().replace(".JPEG", ".antialiased-bilinear.png");
        try (InputStream in = ClassifierAccuracyTest.class.getResourceAsStream(
                "/dev/lantern/shared/image/references/" + name)) {
            assertNotNull(in, "no reference crop " + name);
            return ImageIO.read(in);
        }
    }

    private static double[] referenceProbabilities(BufferedImage crop) throws OrtException {
        assertEquals(224, crop.getWidth());
        assertEquals(224, crop.getHeight());
        float[] input = new float[3 * 224 * 224];
        for (int y = 0; y < 224; y++) {
            for (int x = 0; x < 224; x++) {
                int rgb = crop.getRGB(x, y);
                int[] channels = {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff};
                for (int c = 0; c < 3; c++) {
                    input[c * 224 * 224 + y * 224 + x] = (channels[c] / 255f - MEAN[c]) / STD[c];
                }
            }
        }
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input),
                        new long[] {1, 3, 224, 224});
                OrtSession.Result result = reference.run(Map.of("input", tensor))) {
            // softmax written out again on purpose: the reference shares no code with what it checks
            float[] logits = ((float[][]) result.get(0).getValue())[0];
            double max = Double.NEGATIVE_INFINITY;
            for (float v : logits) {
                max = Math.max(max, v);
            }
            double sum = 0;
            double[] p = new double[logits.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = Math.exp(logits[i] - max);
                sum += p[i];
            }
            for (int i = 0; i < p.length; i++) {
                p[i] /= sum;
            }
            return p;
        }
    }

    private static List<Integer> top(double[] values, int k) {
        return IntStream.range(0, values.length).boxed()
                .sorted((a, b) -> Double.compare(values[b], values[a])).limit(k).toList();
    }
}
