package dev.lantern.classifier;

import dev.lantern.shared.error.BadInputException;
import dev.lantern.shared.error.LanternException;
import dev.lantern.shared.error.PayloadTooLargeException;
import dev.lantern.shared.image.ImageDecoder;
import dev.lantern.shared.image.ImageLimits;
import dev.lantern.shared.image.MinimumSize;
import dev.lantern.shared.image.TimedDecode;
import dev.lantern.shared.model.ModelStore;
import dev.lantern.shared.runtime.LanternConfig;
import dev.lantern.shared.serving.ModelSlot;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * The image classification task: decodes an upload within the configured limits and asks the model for its top-k
 * labels. The model loads in the background at start; until it is ready the task answers "unavailable".
 */
@ApplicationScoped
public class ImageClassifier {

    @Inject
    ClassifierConfig config;

    @Inject
    ModelStore store;

    @Inject
    MeterRegistry registry;

    @Inject
    LanternConfig lantern;

    /** Quarkus's worker pool, where decoding runs. */
    @Inject
    ManagedExecutor workers;

    private final ModelSlot<ClassifierModel> slot = new ModelSlot<>("classifier");
    private ImageDecoder decoder;

    void start(@Observes StartupEvent event) {
        slot.loadInBackground(() -> {
            // The decoder's natives and image plugins load here, off the start-up path; requests reach it only
            // after slot.get() has seen the model ready, which also publishes this field.
            decoder = decoder(config.images(), lantern.images().acceptTruncated());
            return ClassifierModel.load(config, store, registry);
        });
    }

    void stop(@Observes ShutdownEvent event) throws Exception {
        slot.close();
    }

    /** The decoder for the configured limits; decodes run at most one per core at a time. */
    public static ImageDecoder decoder(ClassifierConfig.Images images, boolean acceptTruncated) {
        return new ImageDecoder(new ImageLimits(images.maxBytes(), images.maxPixels(),
                Math.max(2, Runtime.getRuntime().availableProcessors())), acceptTruncated);
    }

    /** The smallest image the model's pre-processing needs: large JPEGs are decoded down to it. */
    public static MinimumSize minimumSize(ClassifierConfig config) {
        return MinimumSize.shorterSide(config.preprocessing().resize());
    }

    public MinimumSize minimumSize() {
        return minimumSize(config);
    }

    /**
     * Classifies one encoded image; the decode runs on a worker thread, so the caller may be an I/O thread. The future
     * fails with a {@code LanternException} on bad input or overload.
     */
    public CompletableFuture<Classification> classify(byte[] image, int topK) {
        ClassifierModel model = slot.get();
        checkTopK(model, topK);
        return CompletableFuture.supplyAsync(() -> TimedDecode.of(decoder, image, minimumSize()), workers)
                .thenCompose(decoded -> model.classify(decoded.image(), topK, decoded.nanos()));
    }

    /**
     * Classifies an image that is already decoded (the captioner's tags): no decode, no limits checked here.
     *
     * @throws dev.lantern.shared.error.ModelUnavailableException while the model loads or when it failed
     */
    public CompletableFuture<Classification> classify(BufferedImage image, int topK) {
        ClassifierModel model = slot.get();
        checkTopK(model, topK);
        return model.classify(image, topK, 0);
    }

    /**
     * Classifies several images, each on its own: one future per image, in order, which fails with a
     * {@code LanternException} for that image alone (not an image, damaged, too large, queue full), so that one bad
     * image costs its neighbours nothing. What is wrong with the request itself (no image, too many, a bad topK, the
     * model not ready) is thrown at once.
     */
    public List<CompletableFuture<Classification>> classifyEach(List<byte[]> images, int topK) {
        if (images.isEmpty()) {
            throw new BadInputException("No image was sent: add one or more 'image' fields.");
        }
        int max = config.images().maxPerRequest();
        if (images.size() > max) {
            throw new PayloadTooLargeException(images.size() + " images were sent; one request takes at most " + max
                    + ".");
        }
        ClassifierModel model = slot.get();
        checkTopK(model, topK);
        // all are decoded before any is submitted, so that the images of one request queue (and batch) together
        List<CompletableFuture<TimedDecode>> decoded = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            try {
                decoded.add(CompletableFuture.completedFuture(TimedDecode.of(decoder, images.get(i), minimumSize())));
            } catch (LanternException e) {
                decoded.add(CompletableFuture.failedFuture(e.withContext("Image " + (i + 1))));
            }
        }
        return decoded.stream()
                .map(image -> image.thenCompose(d -> model.classify(d.image(), topK, d.nanos())))
                .toList();
    }

    private static void checkTopK(ClassifierModel model, int topK) {
        if (topK < 1 || topK > model.classes()) {
            throw new BadInputException("topK must be between 1 and " + model.classes() + ", not " + topK + ".");
        }
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
