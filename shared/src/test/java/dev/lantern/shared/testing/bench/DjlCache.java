package dev.lantern.shared.testing.bench;

import java.nio.file.Path;

/** Where DJL unpacks its native libraries, for a benchmark's own process. */
public final class DjlCache {

    private DjlCache() {}

    /**
     * Points DJL_CACHE_DIR and ENGINE_CACHE_DIR at {@code folder} unless the environment or a system property names
     * them. DJL reads the environment first and system properties second; exec:java cannot set the environment of the
     * Maven JVM it runs in, so the property is the fallback.
     */
    public static void useUnlessSet(Path folder) {
        for (String name : new String[] {"DJL_CACHE_DIR", "ENGINE_CACHE_DIR"}) {
            if (System.getenv(name) == null && System.getProperty(name) == null) {
                System.setProperty(name, folder.toString());
            }
        }
    }
}
