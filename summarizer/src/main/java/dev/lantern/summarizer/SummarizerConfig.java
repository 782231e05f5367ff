package dev.lantern.summarizer;

import dev.lantern.shared.engine.DeviceChoice;
import dev.lantern.shared.runtime.Ranges;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/** The summarizer's settings ({@code lantern.summarizer.*}); the defaults serve all-MiniLM-L6-v2 from Maven Central. */
@ConfigMapping(prefix = "lantern.summarizer")
public interface SummarizerConfig {

    Model model();

    /** auto, cpu or gpu. */
    @WithDefault("auto")
    DeviceChoice device();

    Batching batching();

    Scoring scoring();

    Limits limits();

    interface Model {
        /**
         * Base name of the embedding model's classpath resources {@code <name>.onnx} and {@code <name>-tokenizer.json}:
         * {@code all-minilm-l6-v2-q} (int8, the default) or {@code all-minilm-l6-v2} (float32).
         */
        @WithDefault("all-minilm-l6-v2-q")
        String resource();

        /** Tokens per sentence given to the model; longer sentences are cut (MiniLM was trained on 128). */
        @WithDefault("128")
        @WithConverter(Ranges.AtLeastOne.class)
        int maxTokens();

        /** ONNX Runtime intra-op threads per forward pass; 0 lets Lantern choose (cores ÷ workers). */
        @WithDefault("0")
        @WithConverter(Ranges.AtLeastZero.class)
        int threads();
    }

    interface Batching {
        /** Sentences embedded in one forward pass (a document's sentences are cut into such chunks). */
        @WithDefault("32")
        @WithConverter(Ranges.AtLeastOne.class)
        int sentencesPerPass();

        /** Forward passes waiting beyond which requests are turned away as busy (503). */
        @WithDefault("256")
        @WithConverter(Ranges.AtLeastOne.class)
        int queueCapacity();

        @WithDefault("1")
        @WithConverter(Ranges.AtLeastOne.class)
        int workers();
    }

    /** The extractive scorer's weights, tuned on CNN/DailyMail validation articles (docs/quality.md). */
    interface Scoring {
        /** Weight of similarity to the sentences that follow (PacSum's forward edges). */
        @WithDefault("1.0")
        @WithConverter(Ranges.Finite.class)
        double forwardWeight();

        /** Weight of similarity to the sentences that precede (PacSum's backward edges; negative favours leads). */
        @WithDefault("0.0")
        @WithConverter(Ranges.Finite.class)
        double backwardWeight();

        /** Similarities below min + threshold × (max - min) of a document count as no edge. */
        @WithDefault("0.3")
        @WithConverter(Ranges.Fraction.class)
        double edgeThreshold();

        /** Weight of the position prior 1 / (1 + index)^positionDecay. */
        @WithDefault("2.0")
        @WithConverter(Ranges.Finite.class)
        double positionWeight();

        @WithDefault("3.0")
        @WithConverter(Ranges.Finite.class)
        double positionDecay();

        /** Penalty per sentence length relative to the document's mean (summaries say much in few words). */
        @WithDefault("0.5")
        @WithConverter(Ranges.Finite.class)
        double lengthWeight();

        /** Penalty for a sentence with a direct quotation: summaries report speech rather than quote it. */
        @WithDefault("0.2")
        @WithConverter(Ranges.Finite.class)
        double quoteWeight();

        /** MMR trade-off: 0 ignores redundancy, 1 only avoids it. */
        @WithDefault("0.1")
        @WithConverter(Ranges.Fraction.class)
        double redundancy();

        /** Sentences shorter than this many words are not chosen (unless nothing else is left). */
        @WithDefault("4")
        @WithConverter(Ranges.AtLeastZero.class)
        int minWords();
    }

    interface Limits {
        /** Longest accepted text, in characters (413 beyond). */
        @WithDefault("100000")
        @WithConverter(Ranges.AtLeastOne.class)
        int maxChars();

        /**
         * Most sentences a text may have (413 beyond): the scorer compares every pair, in memory that grows with the
         * square (2,000 sentences: 32 MB). A 100,000-character news text has about 900.
         */
        @WithDefault("2000")
        @WithConverter(Ranges.AtLeastOne.class)
        int maxTextSentences();

        /** Most sentences a summary may have. */
        @WithDefault("50")
        @WithConverter(Ranges.AtLeastOne.class)
        int maxSentences();

        /** Sentences in a summary when the request does not say. */
        @WithDefault("3")
        @WithConverter(Ranges.AtLeastOne.class)
        int defaultSentences();
    }
}
