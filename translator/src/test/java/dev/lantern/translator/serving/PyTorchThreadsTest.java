package dev.lantern.translator.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lantern.shared.engine.DjlEnvironment;
import org.junit.jupiter.api.Test;

/** The thread count takes effect on an engine that is already running, whoever started it. */
class PyTorchThreadsTest {

    @Test
    void aCountSetAfterTheEngineStartedIsWhatPyTorchReports() {
        DjlEnvironment.lockDown();
        int before = PyTorchThreads.set(0); // starts the engine, or finds it started
        try {
            int other = before == 2 ? 3 : 2;
            assertEquals(other, PyTorchThreads.set(other));
            assertEquals(other, PyTorchThreads.set(0), "0 keeps the count in force");
        } finally {
            PyTorchThreads.set(before);
        }
    }
}
