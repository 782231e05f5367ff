package dev.lantern.summarizer;

import dev.lantern.shared.error.BadInputException;
import dev.lantern.shared.error.PayloadTooLargeException;
import dev.lantern.shared.error.UnprocessableInputException;
import dev.lantern.shared.runtime.LanternConfig;
import dev.lantern.shared.serving.ModelSlot;
import dev.lantern.shared.text.DetectedLanguage;
import dev.lantern.shared.text.LanguageDetector;
import dev.lantern.shared.text.SentenceSplitter;
import dev.lantern.summarizer.embedding.EmbeddingModel;
import dev.lantern.summarizer.extractive.ExtractiveSummarizer;
import dev.lantern.summarizer.extractive.ScorerWeights;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The summarization task: checks a text (size, language) and hands it to the summarizer. The embedding model loads
 * in the background at start; until it is ready the task answers "unavailable".
 */
@ApplicationScoped
public class SummarizerService {

    /** Languages that have a sentence model. */
    static final Set<String> LANGUAGES = Set.of("en");
    /** Below this many letters language detection is a guess, so the text is taken as English. */
    static final int MIN_LETTERS_TO_JUDGE_LANGUAGE = 40;

    @Inject
    SummarizerConfig config;

    @Inject
    LanternConfig lantern;

    @Inject
    MeterRegistry registry;

    private final ModelSlot<ExtractiveModel> slot = new ModelSlot<>("summarizer");

    void start(@Observes StartupEvent event) {
        slot.loadInBackground(() -> {
            EmbeddingModel embeddings = EmbeddingModel.load(config, lantern.models().cache(), registry);
            // Readiness waits for the embedding model only. The language detector's model starts to read now, on
            // its own thread, and takes a second more on a small box; a request that needs it meanwhile waits.
            LanguageDetector.shared();
            return new ExtractiveModel(embeddings, new SentenceSplitter(), ScorerWeights.of(config.scoring()),
                    config.limits().maxTextSentences());
        });
    }

    void stop(@Observes ShutdownEvent event) throws Exception {
        slot.close();
    }

    /**
     * Summarises {@code text} within {@code budget}; the future fails with a {@code LanternException} on overload.
     *
     * @throws BadInputException when the text is blank
     * @throws PayloadTooLargeException when it is longer than {@code lantern.summarizer.limits.max-chars} or has more
     *     sentences than {@code max-text-sentences}
     * @throws UnprocessableInputException when it is in a language with no sentence model
     */
    public CompletableFuture<Summary> summarize(String text, LengthBudget budget) {
        if (text == null || text.isBlank()) {
            throw new BadInputException("The text is empty: send the text to summarise.");
        }
        int max = config.limits().maxChars();
        if (text.length() > max) {
            throw new PayloadTooLargeException("The text has " + text.length() + " characters; at most " + max
                    + " are accepted.");
        }
        if (budget.unit() == LengthBudget.Unit.SENTENCES && budget.value() > config.limits().maxSentences()) {
            throw new BadInputException("sentences may be at most " + config.limits().maxSentences() + ".");
        }
        ExtractiveModel model = slot.get();
        String language = language(text);
        return model.summarizer().summarize(text, budget).thenApply(summary -> summary.withLanguage(language));
    }

    private static String language(String text) {
        if (text.codePoints().filter(Character::isLetter).limit(MIN_LETTERS_TO_JUDGE_LANGUAGE).count()
                < MIN_LETTERS_TO_JUDGE_LANGUAGE) {
            return "en";
        }
        DetectedLanguage detected = LanguageDetector.shared().join().detect(text);
        if (!LANGUAGES.contains(detected.code())) {
            throw new UnprocessableInputException("The text looks like language '" + detected.code()
                    + "' (confidence " + Math.round(detected.confidence() * 100) + "%); summaries need a sentence"
                    + " model for the language, and only English (en) has one.");
        }
        return detected.code();
    }

    public int defaultSentences() {
        return config.limits().defaultSentences();
    }

    public int maxChars() {
        return config.limits().maxChars();
    }

    public ModelSlot.State state() {
        return slot.state();
    }

    public String problem() {
        return slot.problem();
    }

    /** What the slot holds: the summarizer with the embedding model it owns. */
    private record ExtractiveModel(EmbeddingModel embeddings, Summarizer summarizer) implements AutoCloseable {

        ExtractiveModel(EmbeddingModel embeddings, SentenceSplitter splitter, ScorerWeights weights,
                int maxTextSentences) {
            this(embeddings, new ExtractiveSummarizer(splitter, embeddings, weights, maxTextSentences));
        }

        @Override
        public void close() {
            embeddings.close();
        }
    }
}
