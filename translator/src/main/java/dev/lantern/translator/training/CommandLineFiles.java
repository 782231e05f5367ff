package dev.lantern.translator.training;

import java.nio.file.Files;
import java.nio.file.Path;

/** The files a command was given must exist; a clear line beats a NoSuchFileException stack trace. */
final class CommandLineFiles {

    private CommandLineFiles() {}

    /** Exits with status 2 and says which path is missing, as it resolved, when one is. */
    static void requireExisting(String... paths) {
        for (String path : paths) {
            if (!Files.exists(Path.of(path))) {
                System.err.println("No such file or folder: " + path + " (" + Path.of(path).toAbsolutePath()
                        .normalize() + "); paths are relative to the folder the command runs in.");
                System.exit(2);
            }
        }
    }
}
