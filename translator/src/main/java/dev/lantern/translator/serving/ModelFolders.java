package dev.lantern.translator.serving;

import dev.lantern.shared.error.ModelUnavailableException;
import dev.lantern.shared.model.BundledFile;
import dev.lantern.shared.model.ModelStore;
import dev.lantern.shared.model.RemoteFile;
import dev.lantern.shared.runtime.LanternConfig;
import dev.lantern.translator.LanguagePair;
import dev.lantern.translator.TranslatorConfig;
import dev.lantern.translator.model.TranslationConfidence;
import dev.lantern.translator.model.TranslationModel;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Finds a language pair's model folder: a folder named in configuration, files fetched from a URL through the model
 * store, or (the default) the folder shipped on the classpath, copied once into the model cache because the model
 * loads from files.
 */
public final class ModelFolders {

    static final List<String> FILES = List.of(TranslationModel.CONFIG, TranslationModel.VOCABULARY,
            TranslationModel.PARAMETERS);

    private static final Logger LOG = Logger.getLogger(ModelFolders.class);

    private final TranslatorConfig config;
    private final LanternConfig lantern;
    /** Pairs whose training command was logged: once each, not on every retry. */
    private final Set<LanguagePair> advised = ConcurrentHashMap.newKeySet();

    public ModelFolders(TranslatorConfig config, LanternConfig lantern) {
        this.config = config;
        this.lantern = lantern;
    }

    /**
     * A local folder with the pair's model files.
     *
     * @throws ModelUnavailableException with the way to make the model when it is nowhere
     */
    public Path resolve(LanguagePair pair) {
        TranslatorConfig.ModelSource source = config.models().get(pair.id());
        if (source != null && source.dir().isPresent()) {
            Path dir = source.dir().get();
            for (String file : FILES) {
                if (!Files.isRegularFile(dir.resolve(file))) {
                    throw missing(pair, dir.resolve(file) + " is missing");
                }
            }
            return dir;
        }
        if (source != null && source.url().isPresent()) {
            return fetch(pair, source.url().get(), source.sha256().orElse(""));
        }
        return fromClasspath(pair);
    }

    /** A model store of the pair's own, so files of the same name from different pairs do not meet in the cache. */
    private Path fetch(LanguagePair pair, String baseUrl, String sha256) {
        String folder = "translator-" + pair.id();
        ModelStore store = new ModelStore(lantern.models().dir().map(d -> d.resolve(folder)),
                lantern.models().cache().resolve(folder), lantern.offline());
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        Path dir = null;
        for (String file : FILES) {
            String checksum = file.equals(TranslationModel.PARAMETERS) ? sha256 : "";
            Path local = store.resolve(RemoteFile.of(base + file, checksum,
                    "lantern.translator.models.\"" + pair.id() + "\".sha256"));
            if (dir != null && !dir.equals(local.getParent())) {
                throw new ModelUnavailableException("The files of the " + pair.id() + " model were found in"
                        + " different folders (" + dir + ", " + local.getParent() + "); keep them together.");
            }
            dir = local.getParent();
        }
        return dir;
    }

    private Path fromClasspath(LanguagePair pair) {
        String folder = TranslatorConfig.CLASSPATH_FOLDER + pair.id() + "/";
        Path dir = lantern.models().cache().resolve("translator").resolve(pair.id());
        for (String file : FILES) {
            URL resource = ModelFolders.class.getResource("/" + folder + file);
            if (resource == null) {
                throw missing(pair, "none is shipped in the jar and none is configured");
            }
            copy(resource, dir.resolve(file));
        }
        // optional: without it the model's confidences are uncalibrated
        URL confidence = ModelFolders.class.getResource("/" + folder + TranslationConfidence.FILE);
        if (confidence != null) {
            copy(confidence, dir.resolve(TranslationConfidence.FILE));
        }
        return dir;
    }

    private ModelUnavailableException missing(LanguagePair pair, String what) {
        if (advised.add(pair)) {
            LOG.info(TrainingCommand.recipe(pair));
        }
        return new ModelUnavailableException(TrainingCommand.advice(pair, what));
    }

    private static void copy(URL resource, Path target) {
        try {
            BundledFile.copy(resource, target);
        } catch (IOException e) {
            throw new ModelUnavailableException("The translation model file " + resource + " cannot be copied to "
                    + target + ": " + e.getMessage(), e);
        }
    }
}
