package dev.lantern.shared.runtime;

import dev.lantern.shared.engine.NativeLibraries;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point of every Lantern app: starts loading the native libraries on a second thread while Quarkus boots on
 * this one, so that the model's load at start-up finds its engine ready.
 */
@QuarkusMain
public final class LanternMain {

    private LanternMain() {}

    public static void main(String... args) {
        NativeLibraries.loadInBackground();
        Quarkus.run(args);
    }
}
