package dev.lantern.classifier;

import dev.lantern.classifier.translator.ClassProbabilities;
import dev.lantern.classifier.translator.ImageClassificationTranslator;
import dev.lantern.shared.engine.DeviceChoice;
import dev.lantern.shared.error.BadInputException;
import dev.lantern.shared.error.LanternException;
import dev.lantern.shared.error.ModelUnavailableException;
import dev.lantern.shared.error.PayloadTooLargeException;
import dev.lantern.shared.image.ImageDecoder;
import dev.lantern.shared.image.ImageLimits;
import dev.lantern.shared.image.ImagePreprocessing;
import dev.lantern.shared.model.LabelList;
import dev.lantern.shared.model.ModelStore;
import dev.lantern.shared.model.RemoteFile;
import dev.lantern.shared.serving.BatchingOptions;
import dev.lantern.shared.serving.ModelDefinition;
import dev.lantern.shared.serving.ModelSlot;
import dev.lantern.shared.serving.ServedModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The image classification task: decodes an upload within the configured limits and asks the served model for its
 * top-k labels. The model loads in the background at start; until it is ready the task answers "unavailable".
 */
@ApplicationScoped
public class ImageClassifier {

    @Inject
    ClassifierConfig config;

    @Inject
    ModelStore store;

    @Inject
    MeterRegistry registry;

    private final ModelSlot<ServedModel<BufferedImage, ClassProbabilities>> slot = new ModelSlot<>("classifier");
    private ImageDecoder decoder;
    private List<String> labels = List.of();

    void start(@Observes StartupEvent event) {
        ClassifierConfig.Images images = config.images();
        decoder = new ImageDecoder(new ImageLimits(images.maxBytes(), images.maxPixels(),
                Math.max(2, Runtime.getRuntime().availableProcessors())));
        slot.loadInBackground(this::load);
    }

    void stop(@Observes ShutdownEvent event) throws Exception {
        slot.close();
    }

    private ServedModel<BufferedImage, ClassProbabilities> load() {
        Path modelFile = store.resolve(RemoteFile.of(config.model().url(), config.model().sha256(),
                "lantern.classifier.model.sha256"));
        Path labelFile = store.resolve(RemoteFile.of(config.labels().url(), config.labels().sha256(),
                "lantern.classifier.labels.sha256"));
        try {
            labels = LabelList.read(labelFile);
        } catch (IOException e) {
            throw new ModelUnavailableException("Label file " + labelFile + " cannot be read: " + e.getMessage(), e);
        }
        ImagePreprocessing preprocessing = preprocessing(config.preprocessing());
        ClassifierConfig.Batching batching = config.batching();
        int threads = config.model().threads() > 0 ? config.model().threads()
                : Math.max(1, Runtime.getRuntime().availableProcessors() / batching.workers());
        ModelDefinition definition = new ModelDefinition(config.name(), modelFile,
                DeviceChoice.parse(config.device()),
                Map.of("intraOpNumThreads", String.valueOf(threads), "interOpNumThreads", "1"));
        BufferedImage sample = new BufferedImage(preprocessing.resizeShorter(), preprocessing.resizeShorter(),
                BufferedImage.TYPE_INT_RGB);
        return ServedModel.load(definition, BufferedImage.class, ClassProbabilities.class,
                new ImageClassificationTranslator(preprocessing, labels.size(),
                        config.output() == ClassifierConfig.Output.LOGITS),
                new BatchingOptions(batching.maxSize(), Duration.ofMillis(batching.maxWaitMs()),
                        batching.queueCapacity(), batching.workers()),
                registry, sample);
    }

    static ImagePreprocessing preprocessing(ClassifierConfig.Preprocessing p) {
        return new ImagePreprocessing(p.resize(), p.crop(), p.crop(), p.scale(), toArray(p.mean()), toArray(p.std()),
                p.channelOrder());
    }

    private static float[] toArray(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    /** Classifies one encoded image; the future fails with a {@code LanternException} on bad input or overload. */
    public CompletableFuture<Classification> classify(byte[] image, int topK) {
        ServedModel<BufferedImage, ClassProbabilities> model = slot.get();
        int k = checkTopK(topK);
        long start = System.nanoTime();
        BufferedImage decoded = decoder.decode(image);
        long decodeNanos = System.nanoTime() - start;
        return model.submit(decoded).thenApply(inference -> new Classification(model.name(), model.device(),
                top(inference.output(), k), Timings.of(decodeNanos, inference)));
    }

    /** Classifies several images; all are decoded first, so a bad one fails the request before any inference. */
    public CompletableFuture<List<Classification>> classifyAll(List<byte[]> images, int topK) {
        if (images.isEmpty()) {
            throw new BadInputException("No image was sent: add one or more 'image' fields.");
        }
        int max = config.images().maxPerRequest();
        if (images.size() > max) {
            throw new PayloadTooLargeException(
                    images.size() + " images were sent; one request takes at most " + max + ".");
        }
        ServedModel<BufferedImage, ClassProbabilities> model = slot.get();
        int k = checkTopK(topK);
        List<BufferedImage> decoded = new ArrayList<>(images.size());
        List<Long> decodeNanos = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            long start = System.nanoTime();
            try {
                decoded.add(decoder.decode(images.get(i)));
            } catch (LanternException e) {
                throw e.withContext("Image " + (i + 1));
            }
            decodeNanos.add(System.nanoTime() - start);
        }
        List<CompletableFuture<Classification>> futures = new ArrayList<>(decoded.size());
        for (int i = 0; i < decoded.size(); i++) {
            long nanos = decodeNanos.get(i);
            futures.add(model.submit(decoded.get(i)).thenApply(inference -> new Classification(model.name(),
                    model.device(), top(inference.output(), k), Timings.of(nanos, inference))));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(done -> futures.stream().map(CompletableFuture::join).toList());
    }

    private int checkTopK(int topK) {
        int classes = labels.size();
        if (topK < 1 || topK > classes) {
            throw new BadInputException("topK must be between 1 and " + classes + ", not " + topK + ".");
        }
        return topK;
    }

    private List<Prediction> top(ClassProbabilities probabilities, int k) {
        List<Prediction> out = new ArrayList<>(k);
        for (int id : probabilities.top(k)) {
            out.add(new Prediction(labels.get(id), id, probabilities.values()[id]));
        }
        return out;
    }

    public int defaultTopK() {
        return config.defaultTopK();
    }

    public ModelSlot.State state() {
        return slot.state();
    }

    public String problem() {
        return slot.problem();
    }
}
