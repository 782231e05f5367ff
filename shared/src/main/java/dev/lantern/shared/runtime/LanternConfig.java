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

    Images images();

    interface Images {
        /**
         * Decode what a truncated or corrupt image still holds (the rest comes out grey) instead of answering 400.
         * Off by default: a cut-off upload would otherwise get a confident answer about half a picture.
         */
        @WithDefault("false")
        boolean acceptTruncated();
    }

    interface Models {
        /** Offline mirror folder holding model files by name (env LANTERN_MODELS_DIR); may be read-only. */
        Optional<Path> dir();

        /** Writable download cache. */
        @WithDefault("${user.home}/.cache/lantern/models")
        Path cache();
    }
}
