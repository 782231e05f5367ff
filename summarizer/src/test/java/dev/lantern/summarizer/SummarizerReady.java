package dev.lantern.summarizer;

import dev.lantern.shared.serving.ModelSlot;

/** Tests start as soon as Quarkus does; the model loads in the background, so they wait for it. */
public final class SummarizerReady {

    private SummarizerReady() {}

    public static void await(SummarizerService summarizer) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (summarizer.state() == ModelSlot.State.LOADING && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (summarizer.state() != ModelSlot.State.READY) {
            throw new AssertionError("summarizer model not ready: " + summarizer.state() + " " + summarizer.problem());
        }
    }
}
