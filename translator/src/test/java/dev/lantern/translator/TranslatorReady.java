package dev.lantern.translator;

/** Tests start as soon as Quarkus does; the models load in the background, so they wait for them. */
public final class TranslatorReady {

    private TranslatorReady() {}

    /** Waits until no pair is loading any more, then checks that {@code pair} is ready. */
    public static void await(TranslationService translator, String pair) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (translator.pairs().stream().anyMatch(p -> p.state().equals("loading")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        PairStatus status = translator.pairs().stream().filter(p -> (p.source() + "-" + p.target()).equals(pair))
                .findFirst().orElseThrow(() -> new AssertionError("no pair " + pair));
        if (!status.state().equals("ready")) {
            throw new AssertionError(pair + " not ready: " + status.state() + " " + status.message());
        }
    }
}
