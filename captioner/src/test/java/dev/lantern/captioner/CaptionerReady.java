package dev.lantern.captioner;

import dev.lantern.classifier.ImageClassifier;
import dev.lantern.shared.serving.ModelSlot;

/** Tests start as soon as Quarkus does; the models load in the background, so they wait for both. */
final class CaptionerReady {

    private CaptionerReady() {}

    static void await(ImageCaptioner captioner, ImageClassifier classifier) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while ((captioner.state() == ModelSlot.State.LOADING || classifier.state() == ModelSlot.State.LOADING)
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (captioner.state() != ModelSlot.State.READY || classifier.state() != ModelSlot.State.READY) {
            throw new AssertionError("models not ready: captioner " + captioner.state() + " " + captioner.problem()
                    + ", classifier " + classifier.state() + " " + classifier.problem());
        }
    }
}
