package dev.lantern.shared.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.shared.error.ModelUnavailableException;
import dev.lantern.shared.testing.LogLines;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModelSlotTest {

    /** Stands for a loaded model. */
    private static final class Model implements AutoCloseable {
        @Override
        public void close() {}
    }

    private static void awaitState(ModelSlot<?> slot, ModelSlot.State state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (slot.state() != state && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(state, slot.state(), String.valueOf(slot.problem()));
    }

    @Test
    void anUnavailableModelIsTriedAgainUntilItsFileIsThere() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        try (ModelSlot<Model> slot = new ModelSlot<>("test", Duration.ofMillis(20), Duration.ofMillis(50))) {
            slot.loadInBackground(() -> {
                if (loads.incrementAndGet() <= 3) {
                    throw new ModelUnavailableException("Model file m.onnx is not available.");
                }
                return new Model();
            });
            awaitState(slot, ModelSlot.State.READY);
            assertEquals(4, loads.get());
        }
    }

    @Test
    void retryAfterIsTheTimeUntilTheNextAttempt() throws Exception {
        try (ModelSlot<Model> slot = new ModelSlot<>("test", Duration.ofSeconds(30), Duration.ofMinutes(5))) {
            slot.loadInBackground(() -> {
                throw new ModelUnavailableException("Model file m.onnx is not available. Put it in the mirror.");
            });
            awaitState(slot, ModelSlot.State.FAILED);
            ModelUnavailableException answer = assertThrows(ModelUnavailableException.class, slot::get);
            int retryAfter = answer.retryAfterSeconds().orElseThrow();
            assertTrue(retryAfter >= 29 && retryAfter <= 30, "Retry-After " + retryAfter);
            assertEquals("Model file m.onnx is not available. Put it in the mirror.", answer.getMessage());
        }
    }

    /** The log names what is missing as fully as the 503 does: an offline box learns every file from one line. */
    @Test
    void theFirstFailureIsLoggedWithTheWholeReason() throws Exception {
        String reason = "2 model files are not available. (1) Model file m.onnx is not available: Download "
                + "https://example.org/m.onnx (sha256 " + "a".repeat(64) + "). (2) Model file labels.json is not "
                + "available: Download https://example.org/labels.json (sha256 " + "b".repeat(64) + ").";
        try (LogLines log = LogLines.of(ModelSlot.class);
                ModelSlot<Model> slot = new ModelSlot<>("test", Duration.ofSeconds(30), Duration.ofMinutes(5))) {
            slot.loadInBackground(() -> {
                throw new ModelUnavailableException(reason);
            });
            awaitState(slot, ModelSlot.State.FAILED);
            assertTrue(log.lines().stream().anyMatch(line -> line.contains(reason)), log.lines().toString());
        }
    }

    @Test
    void aModelThatFailsForAnotherReasonIsNotTriedAgain() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        try (ModelSlot<Model> slot = new ModelSlot<>("test", Duration.ofMillis(10), Duration.ofMillis(10))) {
            slot.loadInBackground(() -> {
                loads.incrementAndGet();
                throw new IllegalStateException("broken file");
            });
            awaitState(slot, ModelSlot.State.FAILED);
            Thread.sleep(200);
            assertEquals(1, loads.get());
            assertTrue(slot.problem().contains("broken file"), slot.problem());
        }
    }
}
