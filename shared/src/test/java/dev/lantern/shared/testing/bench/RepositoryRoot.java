package dev.lantern.shared.testing.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's root folder, found up from the working directory (exec:java keeps the one Maven started in). */
public final class RepositoryRoot {

    private RepositoryRoot() {}

    /** The first folder up from the working directory that holds the apps and shared modules. */
    public static Path find() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("apps/pom.xml"))
                    && Files.isRegularFile(dir.resolve("shared/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root from " + start
                + "; run from inside the repository");
    }
}
