package dev.lantern.web.http;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import sun.misc.Signal;

/**
 * SIGTERM, Ctrl-C (SIGINT) and SIGHUP stop Quarkus before the JVM begins its exit. ONNX Runtime's Java binding
 * releases its native environment in a JVM shutdown hook of its own, and the JVM runs all hooks at once: a model still
 * running (the warm-up batch just after readiness, a request in flight) then crashed the JVM in native code and left
 * an {@code hs_err} file. Stopping Quarkus first lets the requests finish and closes the models; only then does the
 * JVM exit, with the status it gives a signal (128 + its number).
 */
@ApplicationScoped
public class StopSignals {

    private static volatile boolean received;

    /** Before the apps' own start-up observers, which begin loading the models. */
    void install(@Observes @Priority(1) StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return; // dev and test modes keep their own Ctrl-C and exit handling
        }
        for (String name : List.of("TERM", "INT", "HUP")) {
            try {
                Signal.handle(new Signal(name), StopSignals::stop);
            } catch (IllegalArgumentException unavailable) {
                // taken by the JVM (-Xrs) or unknown on this system: the JVM's own handling stays
            }
        }
    }

    /** Installed only once Quarkus's main is starting the app, so there is always an app to stop. */
    private static void stop(Signal signal) {
        received = true;
        Quarkus.asyncExit(128 + signal.getNumber());
    }

    /** Whether the app is stopping: a stop signal came, or the JVM is exiting for another reason. */
    static boolean stopping() {
        return received || ApplicationLifecycleManager.isVmShuttingDown();
    }
}
