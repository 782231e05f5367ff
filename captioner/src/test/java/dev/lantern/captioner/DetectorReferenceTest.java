package dev.lantern.captioner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.lantern.shared.image.ImageDecoder;
import dev.lantern.shared.image.ImageLimits;
import dev.lantern.shared.testing.TestData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The served detector against a reference run: the same ONNX file run by plain ONNX Runtime on the letterbox that
 * OpenCV's INTER_LINEAR resize made (YOLOX's own pre-processing, fixtures from Python), its raw output decoded by a
 * straightforward decode written out here from the model's documented conventions (letterbox at the top-left on grey
 * 114, BGR 0–255, grid decode for strides 8/16/32, objectness × class score, per-class NMS at IoU 0.45).
 */
class DetectorReferenceTest {

    private static final int SIZE = 416;
    private static final int[] STRIDES = {8, 16, 32};
    private static final float THRESHOLD = 0.3f;
    private static final float IOU = 0.45f;

    private static DetectorModel detector;
    private static OrtEnvironment environment;
    private static OrtSession reference;
    private static final ImageDecoder DECODER = new ImageDecoder(new ImageLimits(20_000_000, 40_000_000, 2));

    /** A reference detection: class, score, corners in image pixels. */
    private record Ref(int cls, float score, float x1, float y1, float x2, float y2) {}

    @BeforeAll
    static void load() throws OrtException {
        detector = TestModels.detector();
        // after DJL's engine exists: ONNX Runtime allows one environment per process, and DJL creates its own
        environment = OrtEnvironment.getEnvironment();
        reference = environment.createSession(TestData.models().resolve("yolox_nano.onnx").toString(),
                new OrtSession.SessionOptions());
    }

    @AfterAll
    static void close() throws OrtException {
        if (reference != null) {
            reference.close();
        }
        if (detector != null) {
            detector.close();
        }
    }

    @Test
    void mouseImageGivesTheDocumentedDetections() throws Exception {
        List<DetectedObject> found = detect(TestData.images().resolve("n03793489_mouse.JPEG"));
        Map<String, Double> expected = Map.of("tv", 0.89, "mouse", 0.88, "keyboard", 0.85, "person", 0.79);
        expected.forEach((label, score) -> {
            DetectedObject o = found.stream().filter(d -> d.label().equals(label)).findFirst()
                    .orElseThrow(() -> new AssertionError(label + " not found in " + found));
            assertEquals(score, o.score(), 0.01, label);
        });
        assertEquals(List.of("tv", "mouse", "keyboard", "person"),
                found.stream().limit(4).map(DetectedObject::label).toList());
    }

    @Test
    void everyTestImageWithAnOpenCvLetterboxMatchesTheReferenceRun() throws Exception {
        List<Path> images;
        try (Stream<Path> files = Files.list(TestData.images())) {
            images = files.filter(p -> p.toString().endsWith(".JPEG") && openCvLetterbox(p) != null).sorted()
                    .toList();
        }
        assertEquals(6, images.size(), "photos with a reference letterbox");
        int total = 0;
        for (Path file : images) {
            BufferedImage image = DECODER.decode(Files.readAllBytes(file));
            List<Ref> expected = referenceDetections(openCvLetterbox(file), image.getWidth(), image.getHeight());
            List<DetectedObject> served = detector.detect(image).get(30, TimeUnit.SECONDS).objects();
            assertEquals(expected.size(), served.size(), file.getFileName() + ": " + expected + " vs " + served);
            for (int i = 0; i < expected.size(); i++) {
                Ref ref = expected.get(i);
                DetectedObject got = served.get(i);
                String where = file.getFileName() + " #" + i;
                assertEquals(detector.labels().get(ref.cls()), got.label(), where);
                assertEquals(ref.score(), got.score(), 2e-4, where);
                assertEquals(ref.x1(), got.box().x(), 1.0, where + " x");
                assertEquals(ref.y1(), got.box().y(), 1.0, where + " y");
                assertEquals(ref.x2(), got.box().right(), 1.5, where + " right");
                assertEquals(ref.y2(), got.box().bottom(), 1.5, where + " bottom");
            }
            total += expected.size();
        }
        assertTrue(total >= 8, "the test images hold objects: " + total);
    }

    /** OpenCV's letterbox resize of a test photo, or null for the photos that have none. */
    private static BufferedImage openCvLetterbox(Path photo) {
        String name = photo.getFileName().toString().replace(".JPEG", ".bilinear.png");
        try (InputStream in = DetectorReferenceTest.class.getResourceAsStream(
                "/dev/lantern/shared/image/references/" + name)) {
            return in == null ? null : ImageIO.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<DetectedObject> detect(Path file) throws Exception {
        return detector.detect(DECODER.decode(Files.readAllBytes(file))).get(30, TimeUnit.SECONDS).objects();
    }

    /**
     * The reference run on {@code resized}, the image as OpenCV's {@code cv2.resize(INTER_LINEAR)} scaled it for
     * YOLOX's letterbox (written by shared/src/test/python/make_resize_references.py), boxes mapped back to an image
     * of {@code w × h}.
     */
    private static List<Ref> referenceDetections(BufferedImage resized, int w, int h) throws OrtException {
        double r = Math.min((double) SIZE / h, (double) SIZE / w);
        assertEquals((int) (w * r), resized.getWidth(), "letterbox width");
        assertEquals((int) (h * r), resized.getHeight(), "letterbox height");
        float[] input = new float[3 * SIZE * SIZE];
        Arrays.fill(input, 114f);
        for (int y = 0; y < resized.getHeight(); y++) {
            for (int x = 0; x < resized.getWidth(); x++) {
                int rgb = resized.getRGB(x, y); // the PNG holds OpenCV's RGB pixels
                int at = y * SIZE + x;
                input[at] = rgb & 0xff; // B
                input[SIZE * SIZE + at] = (rgb >> 8) & 0xff; // G
                input[2 * SIZE * SIZE + at] = (rgb >> 16) & 0xff; // R
            }
        }
        float[][] rows;
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input),
                        new long[] {1, 3, SIZE, SIZE});
                OrtSession.Result result = reference.run(Map.of("images", tensor))) {
            rows = ((float[][][]) result.get(0).getValue())[0];
        }
        List<Ref> candidates = new ArrayList<>();
        int row = 0;
        for (int stride : STRIDES) {
            int n = SIZE / stride;
            for (int gy = 0; gy < n; gy++) {
                for (int gx = 0; gx < n; gx++) {
                    float[] v = rows[row++];
                    int best = 0;
                    for (int c = 1; c < v.length - 5; c++) {
                        if (v[5 + c] > v[5 + best]) {
                            best = c;
                        }
                    }
                    float score = v[4] * v[5 + best];
                    if (score >= THRESHOLD) {
                        double cx = (v[0] + gx) * stride / r;
                        double cy = (v[1] + gy) * stride / r;
                        double bw = Math.exp(v[2]) * stride / r;
                        double bh = Math.exp(v[3]) * stride / r;
                        candidates.add(new Ref(best, score, (float) (cx - bw / 2), (float) (cy - bh / 2),
                                (float) (cx + bw / 2), (float) (cy + bh / 2)));
                    }
                }
            }
        }
        assertEquals(rows.length, row, "anchor rows");
        candidates.sort(Comparator.comparingDouble(Ref::score).reversed());
        List<Ref> kept = new ArrayList<>();
        for (Ref c : candidates) {
            boolean suppressed = false;
            for (Ref k : kept) {
                suppressed |= k.cls() == c.cls() && iou(k, c) > IOU;
            }
            if (!suppressed) {
                kept.add(c);
            }
        }
        // YOLOX suppresses on the unclipped boxes; the answer is clipped to the image
        return kept.stream().map(k -> new Ref(k.cls(), k.score(), clip(k.x1(), w), clip(k.y1(), h), clip(k.x2(), w),
                clip(k.y2(), h))).toList();
    }

    private static float clip(double v, int max) {
        return (float) Math.max(0, Math.min(max, v));
    }

    /** IoU in image pixels: scaling both boxes by 1/r leaves it as in the model's frame. */
    private static double iou(Ref a, Ref b) {
        double iw = Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1());
        double ih = Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1());
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        double union = (a.x2() - a.x1()) * (a.y2() - a.y1()) + (b.x2() - b.x1()) * (b.y2() - b.y1()) - inter;
        return inter / union;
    }
}
