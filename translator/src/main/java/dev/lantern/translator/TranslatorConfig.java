package dev.lantern.translator;

import dev.lantern.shared.engine.DeviceChoice;
import dev.lantern.shared.runtime.Ranges;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The translator's settings ({@code lantern.translator.*}). Each language pair's model is a folder made by
 * {@code TrainTranslator} (see translator/TRAINING.md); by default it ships inside the jar.
 */
@ConfigMapping(prefix = "lantern.translator")
public interface TranslatorConfig {

    /** Language pairs served, each {@code source-target} in ISO 639-1 codes. */
    @WithDefault("en-de,de-en,en-fr")
    List<String> pairs();

    /**
     * Where a pair's model folder comes from, keyed by the pair ({@code lantern.translator.models."en-de".dir}).
     * A pair with no entry uses the folder shipped on the classpath under {@value #CLASSPATH_FOLDER}{@code <pair>/}.
     */
    Map<String, ModelSource> models();

    /** auto, cpu or gpu. */
    @WithDefault("auto")
    DeviceChoice device();

    Search search();

    Batching batching();

    Limits limits();

    String CLASSPATH_FOLDER = "translator-models/";

    interface ModelSource {
        /** A model folder on disk (config.properties, bpe.txt, model.params); wins over {@link #url()}. */
        Optional<Path> dir();

        /** Base URL of a model folder: its three files are fetched through the model store (mirror, cache). */
        Optional<String> url();

        /** Expected sha256 of {@code model.params} at {@link #url()}. */
        Optional<String> sha256();
    }

    interface Search {
        /** Beams per sentence; 1 is greedy search. */
        @WithDefault("4")
        @WithConverter(Ranges.AtLeastOne.class)
        int beamSize();

        /** Exponent α of the score log P / length^α; 0 favours short outputs. */
        @WithDefault("1.0")
        @WithConverter(Ranges.Finite.class)
        double lengthPenalty();

        /** Most tokens generated per sentence (it is also capped at 2 × source tokens + 10 and the model's positions). */
        @WithDefault("128")
        @WithConverter(Ranges.AtLeastOne.class)
        int maxLength();

        /**
         * No n tokens in a row appear twice in one sentence's translation (0 = off): stops the loops a small model
         * falls into on text unlike its training data.
         */
        @WithDefault("3")
        @WithConverter(Ranges.AtLeastZero.class)
        int noRepeatNgram();

        /** Greedy search whatever the beam size says: fastest, a little worse. */
        @WithDefault("false")
        boolean greedy();
    }

    interface Batching {
        /** Sentences decoded together in one search. */
        @WithDefault("32")
        @WithConverter(Ranges.AtLeastOne.class)
        int sentencesPerBatch();

        /** Requests that already wait are merged into one pass, up to this many. */
        @WithDefault("8")
        @WithConverter(Ranges.AtLeastOne.class)
        int requestsPerPass();

        /** Requests waiting per pair beyond which callers are turned away as busy (503). */
        @WithDefault("64")
        @WithConverter(Ranges.AtLeastOne.class)
        int queueCapacity();

        /** Threads translating per pair, each with its own copy of the model (the model is not thread-safe). */
        @WithDefault("1")
        @WithConverter(Ranges.AtLeastOne.class)
        int workers();

        /**
         * PyTorch intra-op threads per operation, for the whole process (a TorchScript classifier in the suite too),
         * set once the engine runs; 0 keeps what it started with: Lantern's 1 ({@code ai.djl.pytorch.num_threads}).
         */
        @WithDefault("0")
        @WithConverter(Ranges.AtLeastZero.class)
        int threads();
    }

    interface Limits {
        /** Longest accepted text, in characters (413 beyond). */
        @WithDefault("20000")
        @WithConverter(Ranges.AtLeastOne.class)
        int maxChars();
    }
}
