package dev.lantern.captioner;

import dev.lantern.captioner.describe.CaptionComposer;
import dev.lantern.captioner.describe.CaptionWriter;
import dev.lantern.captioner.describe.Detail;
import dev.lantern.captioner.describe.Lexicon;
import dev.lantern.classifier.ImageClassifier;
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
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * The image captioning task: decodes an upload within the configured limits, runs the detector and the classifier
 * on it at the same time, and has the caption writer put what they saw into words. The detector loads in the
 * background at start; until it is ready the task answers "unavailable". Without the classifier (missing or still
 * loading) captions are made from the detected objects alone.
 */
@ApplicationScoped
public class ImageCaptioner {

    @Inject
    CaptionerConfig config;

    @Inject
    ModelStore store;

    @Inject
    MeterRegistry registry;

    @Inject
    LanternConfig lantern;

    /** Quarkus's worker pool, where decoding runs. */
    @Inject
    ManagedExecutor workers;

    /** The classifier bean: in the suite the very one that serves /api/classify, so one model instance. */
    @Inject
    ImageClassifier classifier;

    private final ModelSlot<DetectorModel> slot = new ModelSlot<>("captioner");
    private ImageDecoder decoder;
    private CaptionWriter writer;

    void start(@Observes StartupEvent event) {
        writer = new CaptionComposer(Lexicon.standard(), config.composer().confidentTag(),
                config.composer().refineTag());
        slot.loadInBackground(() -> {
            // The decoder's natives and image plugins load here, off the start-up path; requests reach it only
            // after slot.get() has seen the model ready, which also publishes this field.
            decoder = decoder(config.images(), lantern.images().acceptTruncated());
            return DetectorModel.load(config, store, registry);
        });
    }

    void stop(@Observes ShutdownEvent event) throws Exception {
        slot.close();
    }

    /** The decoder for the configured limits; decodes run at most one per core at a time. */
    public static ImageDecoder decoder(CaptionerConfig.Images images, boolean acceptTruncated) {
        return new ImageDecoder(new ImageLimits(images.maxBytes(), images.maxPixels(),
                Math.max(2, Runtime.getRuntime().availableProcessors())), acceptTruncated);
    }

    /** What both models need of one decode: the detector's longer side and the classifier's shorter side. */
    public static MinimumSize minimumSize(CaptionerConfig config, MinimumSize classifier) {
        return MinimumSize.longerSide(config.detector().inputSize()).and(classifier);
    }

    /**
     * Captions one encoded image, decoded on a worker thread (the caller may be an I/O thread); the future fails with
     * a {@code LanternException} on bad input or overload.
     */
    public CompletableFuture<Caption> caption(byte[] image, Detail detail) {
        DetectorModel detector = slot.get();
        MinimumSize needed = minimumSize(config, classifier.minimumSize());
        return CompletableFuture.supplyAsync(() -> TimedDecode.of(decoder, image, needed), workers)
                .thenCompose(decoded -> new CaptionPipeline(detector, classifier::classify, writer,
                        config.tags().topK()).caption(decoded.decoded(), detail, decoded.nanos()));
    }

    public Detail defaultDetail() {
        return config.composer().detail();
    }

    public ModelSlot.State state() {
        return slot.state();
    }

    public String problem() {
        return slot.problem();
    }
}
