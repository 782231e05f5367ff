package dev.lantern.shared.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Settings shared by every task: where model files come from and where models run. */
@ConfigMapping(prefix = "lantern")
public interface LanternConfig {

    Models models();

    /** When true, the model store never downloads: files must be in the mirror or the cache. */
    @WithDefault("false")
    boolean offline();

    interface Models {
        /** Offline mirror folder holding model files by name (env LANTERN_MODELS_DIR); may be read-only. */
        Optional<Path> dir();

        /** Writable download cache. */
        @WithDefault("${user.home}/.cache/lantern/models")
        Path cache();
    }
}
