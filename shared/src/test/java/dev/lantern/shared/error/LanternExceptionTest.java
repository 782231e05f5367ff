package dev.lantern.shared.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LanternExceptionTest {

    @Test
    void aFailureInContextKeepsItsKindAndRetryAfter() {
        LanternException busy = new BusyException("The queue is full.", 1).withContext("Image 2");
        assertEquals(LanternException.Kind.BUSY, busy.kind());
        assertEquals("Image 2: The queue is full.", busy.getMessage());
        assertEquals(OptionalInt.of(1), busy.retryAfterSeconds());

        LanternException unavailable = new ModelUnavailableException("Loading.", 5).withContext("Image 1")
                .withContext("Batch");
        assertEquals(OptionalInt.of(5), unavailable.retryAfterSeconds());
        assertEquals("Batch: Image 1: Loading.", unavailable.getMessage());

        assertEquals(OptionalInt.empty(), new BadInputException("Bad.").withContext("Image 3").retryAfterSeconds());
    }
}
