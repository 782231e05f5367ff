package dev.lantern.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.lantern.shared.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The served classifier against a plain ONNX Runtime run of the same model, with the pre-processing written out
 * here independently (resize, then crop, then normalise) from the model's documented conventions.
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
        ClassifierReady.await(classifier);
        // after DJL's engine exists: ONNX Runtime allows one environment per process, and DJL creates its own
        if (reference == null) {
            environment = OrtEnvironment.getEnvironment();
            reference = environment.createSession(TestData.models().resolve("mobilenetv2-12-int8.onnx").toString(),
                    new OrtSession.SessionOptions());
        }
    }

    @AfterAll
    static void closeReference() throws OrtException {
        if (reference != null) {
            reference.close();
        }
    }

    @Test
    void top5HoldsTheLabelledClassAndMatchesThePlainOnnxRuntimeRun() throws Exception {
        int top1Hits = 0;
        for (TestData.LabelledImage image : TestData.labelledImages()) {
            Classification served = classifier.classify(TestData.bytes(image.file()), 5).get(30, TimeUnit.SECONDS);
            List<Integer> top5 = served.predictions().stream().map(Prediction::classIndex).toList();
            assertTrue(top5.contains(image.classIndex()), image.file().getFileName() + ": " + top5);
            assertEquals(image.label(), served.predictions().get(top5.indexOf(image.classIndex())).label());

            double[] expected = referenceProbabilities(ImageIO.read(image.file().toFile()));
            Prediction best = served.predictions().get(0);
            assertEquals(expected[best.classIndex()], best.probability(), 1e-4,
                    image.file().getFileName() + " probability of " + best.label());
            assertEquals(argmax(expected), best.classIndex(), image.file().getFileName() + " top-1");
            top1Hits += best.classIndex() == image.classIndex() ? 1 : 0;
        }
        // the model's own reference figure on these 12 images is 7/12 top-1
        assertTrue(top1Hits >= 6, "top-1 hits " + top1Hits);
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

    private static double[] referenceProbabilities(BufferedImage image) throws OrtException, IOException {
        double s = 256.0 / Math.min(image.getWidth(), image.getHeight());
        int w = (int) Math.round(image.getWidth() * s);
        int h = (int) Math.round(image.getHeight() * s);
        BufferedImage resized = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = resized.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        int left = (int) Math.round((w - 224) / 2.0);
        int top = (int) Math.round((h - 224) / 2.0);
        float[] input = new float[3 * 224 * 224];
        for (int y = 0; y < 224; y++) {
            for (int x = 0; x < 224; x++) {
                int rgb = resized.getRGB(left + x, top + y);
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

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
