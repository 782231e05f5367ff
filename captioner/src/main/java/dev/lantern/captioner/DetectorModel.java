package dev.lantern.captioner;

import dev.lantern.captioner.translator.Candidate;
import dev.lantern.captioner.translator.Detections;
import dev.lantern.captioner.translator.Letterbox;
import dev.lantern.captioner.translator.NonMaxSuppression;
import dev.lantern.captioner.translator.YoloxGrid;
import dev.lantern.captioner.translator.YoloxTranslator;
import dev.lantern.shared.error.ModelUnavailableException;
import dev.lantern.shared.image.DecodedImage;
import dev.lantern.shared.model.LabelList;
import dev.lantern.shared.model.ModelStore;
import dev.lantern.shared.model.RemoteFile;
import dev.lantern.shared.serving.BatchingOptions;
import dev.lantern.shared.serving.Inference;
import dev.lantern.shared.serving.ModelDefinition;
import dev.lantern.shared.serving.ServedModel;
import io.micrometer.core.instrument.MeterRegistry;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A loaded YOLOX object detector: the served model, its class list and the letterbox that maps boxes back to the
 * image. Plain Java, so the app, the tests and the benchmark load it the same way.
 */
public final class DetectorModel implements AutoCloseable {

    /** The COCO-80 class names in YOLOX's order, shipped with the captioner. */
    static final String COCO_CLASSES = "/dev/lantern/captioner/coco-classes.txt";

    /** Objects found in one image, boxes in its pixels, with the detector's share of the time. */
    public record Found(List<DetectedObject> objects, Inference<Detections> inference) {}

    private final ServedModel<BufferedImage, Detections> served;
    private final List<String> labels;
    private final Letterbox letterbox;

    private DetectorModel(ServedModel<BufferedImage, Detections> served, List<String> labels, Letterbox letterbox) {
        this.served = served;
        this.labels = labels;
        this.letterbox = letterbox;
    }

    /**
     * Resolves the model (and a configured class list), loads it on ONNX Runtime and warms it up.
     *
     * @throws ModelUnavailableException when a file is missing or the model cannot be loaded
     */
    public static DetectorModel load(CaptionerConfig config, ModelStore store, MeterRegistry registry) {
        CaptionerConfig.Detector detector = config.detector();
        List<RemoteFile> needed = new ArrayList<>(List.of(RemoteFile.of(detector.model().url(),
                detector.model().sha256(), "lantern.captioner.detector.model.sha256")));
        detector.labels().url().ifPresent(url -> needed.add(RemoteFile.of(url, detector.labels().sha256().orElse(""),
                "lantern.captioner.detector.labels.sha256")));
        List<Path> files = store.resolveAll(needed);
        Path modelFile = files.get(0);
        List<String> labels = files.size() > 1 ? labels(files.get(1)) : cocoClasses();
        Letterbox letterbox = new Letterbox(detector.inputSize(), detector.padValue(), detector.channelOrder(),
                detector.resizeFilter());
        YoloxGrid grid = new YoloxGrid(detector.inputSize(), detector.strides(), labels.size());
        CaptionerConfig.Batching batching = config.batching();
        ModelDefinition definition = ModelDefinition.sharingCores(config.name(), modelFile, config.device(),
                detector.model().threads(), batching.workers());
        ServedModel<BufferedImage, Detections> served = ServedModel.load(definition, BufferedImage.class,
                Detections.class,
                new YoloxTranslator(letterbox, grid, detector.scoreThreshold(),
                        new NonMaxSuppression(detector.nmsIou(), detector.maxObjects())),
                new BatchingOptions(batching.maxSize(), Duration.ofMillis(batching.maxWaitMs()),
                        batching.queueCapacity(), batching.workers()),
                registry, new BufferedImage(detector.inputSize(), detector.inputSize(), BufferedImage.TYPE_INT_RGB));
        return new DetectorModel(served, List.copyOf(labels), letterbox);
    }

    private static List<String> labels(Path file) {
        try {
            return LabelList.read(file);
        } catch (IOException e) {
            throw new ModelUnavailableException("Label file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The COCO-80 names bundled with the captioner, index = YOLOX class id. */
    public static List<String> cocoClasses() {
        try (InputStream in = DetectorModel.class.getResourceAsStream(COCO_CLASSES)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The objects in {@code image}, most confident first, boxes in its pixels. */
    public CompletableFuture<Found> detect(BufferedImage image) {
        return detect(DecodedImage.full(image));
    }

    /**
     * The objects in {@code decoded}, most confident first, boxes in the pixels of the upright image as stored
     * (a JPEG decoded at 1/8 of its size has its boxes scaled back up by 8).
     */
    public CompletableFuture<Found> detect(DecodedImage decoded) {
        BufferedImage image = decoded.image();
        int width = image.getWidth();
        int height = image.getHeight();
        double scaleX = decoded.scaleX();
        double scaleY = decoded.scaleY();
        return served.submit(image).thenApply(inference -> {
            List<DetectedObject> objects = new ArrayList<>();
            for (Candidate candidate : inference.output().candidates()) {
                Candidate c = letterbox.toImage(candidate, width, height);
                int x = (int) Math.round(c.x1() * scaleX);
                int y = (int) Math.round(c.y1() * scaleY);
                int right = (int) Math.min(decoded.width(), Math.round(c.x2() * scaleX));
                int bottom = (int) Math.min(decoded.height(), Math.round(c.y2() * scaleY));
                Box box = new Box(x, y, right - x, bottom - y);
                objects.add(new DetectedObject(labels.get(c.classId()), c.score(), box));
            }
            return new Found(List.copyOf(objects), inference);
        });
    }

    public String name() {
        return served.name();
    }

    public String device() {
        return served.device();
    }

    public List<String> labels() {
        return labels;
    }

    @Override
    public void close() {
        served.close();
    }
}
