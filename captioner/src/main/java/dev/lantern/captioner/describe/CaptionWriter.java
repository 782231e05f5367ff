package dev.lantern.captioner.describe;

import java.awt.image.BufferedImage;
import java.util.concurrent.CompletableFuture;

/**
 * Writes the caption of an image. {@link CaptionComposer} composes it from what the detector and the classifier
 * saw; a neural captioner (a vision encoder and a text decoder run through the shared generation code) would read
 * the pixels instead and may take the scene as a hint. Asynchronous, because such a writer runs a model.
 */
public interface CaptionWriter {

    /** Short name for the answer's {@code model} field. */
    String name();

    CompletableFuture<WrittenCaption> write(BufferedImage image, Scene scene, Detail detail);
}
