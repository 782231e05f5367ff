package dev.lantern.captioner;

import dev.lantern.captioner.describe.CaptionWriter;
import dev.lantern.captioner.describe.Detail;
import dev.lantern.captioner.describe.Scene;
import dev.lantern.classifier.Classification;
import dev.lantern.shared.error.LanternException;
import dev.lantern.shared.image.DecodedImage;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One caption from a decoded image: the detector and the classifier run at the same time, then the writer puts what
 * they saw into words. Plain Java, so the app, the quality report and the benchmark run the same steps.
 *
 * @param detector the loaded detector
 * @param tagger the classifier's labels of a whole image
 * @param writer turns the scene into a caption
 * @param topK classifier labels asked for
 */
public record CaptionPipeline(DetectorModel detector, Tagger tagger, CaptionWriter writer, int topK) {

    /** The classifier seen from the captioner; it may fail with "unavailable", and captions then go without tags. */
    @FunctionalInterface
    public interface Tagger {
        CompletableFuture<Classification> classify(BufferedImage image, int topK);
    }

    /** Captions an image decoded at its stored size. */
    public CompletableFuture<Caption> caption(BufferedImage image, Detail detail, long decodeNanos) {
        return caption(DecodedImage.full(image), detail, decodeNanos);
    }

    /** Captions a decoded image; the answer's size and boxes are those of the upright image as stored. */
    public CompletableFuture<Caption> caption(DecodedImage decoded, Detail detail, long decodeNanos) {
        BufferedImage image = decoded.image();
        CompletableFuture<DetectorModel.Found> found = detector.detect(decoded);
        CompletableFuture<Classification> tags = tags(image);
        return found.thenCompose(objects -> tags.thenCompose(classification -> {
            List<Tag> tagList = classification == null ? List.of()
                    : classification.predictions().stream()
                            .map(p -> Tag.ofImageNet(p.label(), p.probability(), p.classIndex())).toList();
            Scene scene = new Scene(decoded.width(), decoded.height(), objects.objects(), tagList);
            long composeStart = System.nanoTime();
            return writer.write(image, scene, detail).thenApply(written -> {
                CaptionTimings timings = new CaptionTimings(CaptionTimings.millis(decodeNanos),
                        CaptionTimings.millis(objects.inference().queueNanos()),
                        CaptionTimings.millis(objects.inference().inferenceNanos()),
                        classification == null ? 0 : Math.round(100 * (classification.timings().queueMs()
                                + classification.timings().inferenceMs())) / 100.0,
                        CaptionTimings.millis(System.nanoTime() - composeStart));
                String model = detector.name() + (classification == null ? "" : " + " + classification.model())
                        + " (" + writer.name() + ")";
                return new Caption(written.text(), written.confidence(), objects.objects(), tagList, model,
                        new Caption.ImageSize(decoded.width(), decoded.height()), timings);
            });
        }));
    }

    /** The classifier's labels, or null when it cannot answer now; a busy classifier still fails the request. */
    private CompletableFuture<Classification> tags(BufferedImage image) {
        CompletableFuture<Classification> asked;
        try {
            asked = tagger.classify(image, topK);
        } catch (LanternException e) {
            asked = CompletableFuture.failedFuture(e);
        }
        return asked.exceptionally(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof LanternException lantern && lantern.kind() == LanternException.Kind.UNAVAILABLE) {
                return null;
            }
            throw e instanceof CompletionException completion ? completion : new CompletionException(cause);
        });
    }
}
