package dev.lantern.shared.runtime;

import dev.lantern.shared.engine.ExecutableFolderNatives;
import dev.lantern.shared.engine.NativeLibraries;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.logging.LogManager;

/**
 * The entry point of every Lantern app: starts loading the native libraries on a second thread while Quarkus boots on
 * this one, so that the model's load at start-up finds its engine ready.
 */
@QuarkusMain
public final class LanternMain {

    private LanternMain() {}

    public static void main(String... args) {
        // logging starts here, on this thread: the engines log as they load, and two threads that set up logging at
        // once deadlock in class initialisation (seen with the class-path launch of the edge distribution)
        LogManager.getLogManager();
        ExecutableFolderNatives.pointLoadersThere();
        NativeLibraries.loadInBackground();
        Quarkus.run(args);
    }
}
