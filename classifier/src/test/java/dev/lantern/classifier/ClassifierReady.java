package dev.lantern.classifier;

import dev.lantern.shared.serving.ModelSlot;

/** Tests start as soon as Quarkus does; the model loads in the background, so they wait for it. */
public final class ClassifierReady {

    private ClassifierReady() {}

    public static void await(ImageClassifier classifier) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (classifier.state() == ModelSlot.State.LOADING && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (classifier.state() != ModelSlot.State.READY) {
            throw new AssertionError("classifier model not ready: " + classifier.state() + " " + classifier.problem());
        }
    }
}
