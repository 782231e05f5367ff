package dev.lantern.translator;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.lantern.shared.engine.DjlEnvironment;
import dev.lantern.shared.error.BadInputException;
import dev.lantern.shared.error.PayloadTooLargeException;
import dev.lantern.shared.error.UnprocessableInputException;
import dev.lantern.shared.generation.SearchOptions;
import dev.lantern.shared.runtime.LanternConfig;
import dev.lantern.shared.serving.BatchingOptions;
import dev.lantern.shared.serving.ModelSlot;
import dev.lantern.shared.text.DetectedLanguage;
import dev.lantern.shared.text.LanguageDetector;
import dev.lantern.shared.text.SentenceSplitter;
import dev.lantern.translator.document.SegmentedText;
import dev.lantern.translator.model.SentenceTranslation;
import dev.lantern.translator.serving.ModelFolders;
import dev.lantern.translator.serving.PyTorchThreads;
import dev.lantern.translator.serving.ServedPair;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The translation task: checks a request, detects the source language when it is not given, cuts the text into
 * sentences and has the pair's model translate them all as one batch, then puts them back in the text's layout.
 * Each pair's model loads in the background; a pair whose model is missing answers "unavailable" with the way to
 * train it, and the other pairs (and the rest of the app) work on.
 */
@ApplicationScoped
public class TranslationService {

    private static final Logger LOG = Logger.getLogger(TranslationService.class);

    @Inject
    TranslatorConfig config;

    @Inject
    LanternConfig lantern;

    @Inject
    MeterRegistry registry;

    private final Map<LanguagePair, ModelSlot<ServedPair>> slots = new LinkedHashMap<>();
    private Device device; // guarded by this
    private SentenceSplitter splitter;

    void start(@Observes StartupEvent event) {
        splitter = new SentenceSplitter();
        ModelFolders folders = new ModelFolders(config, lantern);
        for (String id : config.pairs()) {
            LanguagePair pair = LanguagePair.parse(id);
            ModelSlot<ServedPair> slot = new ModelSlot<>("translator " + pair.id());
            slots.put(pair, slot);
            slot.loadInBackground(() -> load(pair, folders));
        }
    }

    private ServedPair load(LanguagePair pair, ModelFolders folders) {
        var dir = folders.resolve(pair); // before the engine loads: a missing model costs no libtorch start
        TranslatorConfig.Batching batching = config.batching();
        ServedPair loaded = ServedPair.load(pair, dir, engineDevice(), searchOptions(config.search()),
                batching.sentencesPerBatch(), new BatchingOptions(batching.requestsPerPass(), Duration.ZERO,
                        batching.queueCapacity(), batching.workers()), registry);
        // the language detector (for texts without a source) starts to read once a pair can translate, so that its
        // 10 MB model does not hold up the pairs' loads; a request that needs it meanwhile waits
        LanguageDetector.shared();
        return loaded;
    }

    /**
     * The device of every pair, found once the PyTorch engine runs; the first pair to load starts the engine (if the
     * suite did not) and sets its thread count, once for the process.
     */
    private synchronized Device engineDevice() {
        if (device == null) {
            DjlEnvironment.lockDown();
            int threads = PyTorchThreads.set(config.batching().threads());
            LOG.infof("PyTorch runs %d intra-op thread(s) per operation (lantern.translator.batching.threads=%d)",
                    threads, config.batching().threads());
            device = config.device().resolve(Engine.getEngine("PyTorch"));
        }
        return device;
    }

    /** The configured search: beam search, or greedy when asked for. */
    public static SearchOptions searchOptions(TranslatorConfig.Search search) {
        return search.greedy() ? new SearchOptions(1, 0, search.maxLength(), search.noRepeatNgram())
                : new SearchOptions(search.beamSize(), search.lengthPenalty(), search.maxLength(),
                        search.noRepeatNgram());
    }

    void stop(@Observes ShutdownEvent event) throws Exception {
        for (ModelSlot<ServedPair> slot : slots.values()) {
            slot.close();
        }
    }

    /**
     * Translates {@code text} into {@code target}; the future fails with a {@code LanternException} on overload.
     *
     * @param source ISO 639-1 code of the text's language, or null to detect it
     * @throws BadInputException when the text is blank or the target is missing
     * @throws PayloadTooLargeException when the text is longer than {@code lantern.translator.limits.max-chars}
     * @throws UnprocessableInputException when no served pair goes from the (detected) source to the target
     * @throws dev.lantern.shared.error.ModelUnavailableException when the pair's model is missing or still loading
     */
    public CompletableFuture<Translation> translate(String text, String source, String target) {
        long start = System.nanoTime();
        if (text == null || text.isBlank()) {
            throw new BadInputException("The text is empty: send the text to translate.");
        }
        int max = config.limits().maxChars();
        if (text.length() > max) {
            throw new PayloadTooLargeException("The text has " + text.length() + " characters; at most " + max
                    + " are accepted.");
        }
        if (target == null || target.isBlank()) {
            throw new BadInputException("target is missing: say which language to translate into, e.g."
                    + " \"target\": \"de\".");
        }
        String to = target.trim().toLowerCase(Locale.ROOT);
        boolean detected = source == null || source.isBlank();
        String from = detected ? detect(text) : source.trim().toLowerCase(Locale.ROOT);
        long detectedAt = System.nanoTime();
        LanguagePair pair = new LanguagePair(from, to);
        ModelSlot<ServedPair> slot = slots.get(pair);
        if (slot == null) {
            throw new UnprocessableInputException(from.equals(to)
                    ? "The text is already in " + name(from) + " (" + from + ")" + (detected ? " as detected" : "")
                            + "; choose another target language."
                    : "No model translates " + name(from) + " (" + from + ") into " + name(to) + " (" + to
                            + "). Served pairs: " + pairList() + ".");
        }
        ServedPair model = slot.get();
        SegmentedText segmented = SegmentedText.of(text, splitter);
        long splitAt = System.nanoTime();
        if (segmented.sentences().isEmpty()) {
            return CompletableFuture.completedFuture(new Translation(text, from, detected, to, model.name(), 1,
                    List.of(), TranslationTimings.of(start, detectedAt, splitAt, 0, 0, 0)));
        }
        return model.translate(segmented.sentences()).thenApply(done -> {
            List<TranslatedSentence> sentences = new ArrayList<>();
            double weighted = 0;
            long characters = 0;
            for (int i = 0; i < done.output().size(); i++) {
                String sentence = segmented.sentences().get(i);
                SentenceTranslation translated = done.output().get(i);
                double confidence = model.confidence().of(translated.meanLogProbability());
                sentences.add(new TranslatedSentence(sentence, translated.text(), confidence));
                weighted += confidence * sentence.length();
                characters += sentence.length();
            }
            List<String> texts = sentences.stream().map(TranslatedSentence::translation).toList();
            return new Translation(segmented.rejoin(texts), from, detected, to, model.name(),
                    weighted / Math.max(1, characters), sentences, TranslationTimings.of(start, detectedAt, splitAt,
                            done.queueNanos(), done.inferenceNanos(), sentences.size()));
        });
    }

    /**
     * The language of {@code text} among every language the detector knows, or empty when it cannot be told with
     * confidence (too short, or mixed): the one place that detects, for {@link #translate} and LibreTranslate's
     * {@code source=auto} and {@code /detect}.
     */
    public Optional<DetectedLanguage> detectLanguage(String text) {
        return LanguageDetector.shared().join().identify(text);
    }

    /** OpenNLP's most likely language, however unsure: for an API that must always name one (LibreTranslate's). */
    public DetectedLanguage guessLanguage(String text) {
        return LanguageDetector.shared().join().detect(text);
    }

    private Set<String> sources() {
        return slots.keySet().stream().map(LanguagePair::source).collect(Collectors.toSet());
    }

    /**
     * The source language of {@code text}: one no model reads gets a 422 that names it (also when it is served as a
     * target), and a text too short or too mixed to tell gets a 422 that asks for the source instead of a guess.
     */
    private String detect(String text) {
        DetectedLanguage language = detectLanguage(text).orElseThrow(() ->
                new UnprocessableInputException("The language of this text cannot be told with confidence: it is"
                        + " too short or mixes languages. Choose the source language (\"source\": one of "
                        + String.join(", ", new TreeSet<>(sources())) + ")."));
        String code = language.code();
        if (!sources().contains(code)) {
            throw new UnprocessableInputException("The text looks like " + name(code) + " (" + code + ", confidence "
                    + Math.round(language.confidence() * 100) + "%), which no model translates from. Served pairs: "
                    + pairList() + ". If it is in another language, choose the source language.");
        }
        return code;
    }

    private String pairList() {
        return slots.keySet().stream().map(LanguagePair::id).collect(Collectors.joining(", "));
    }

    /** Every configured pair with its state. */
    public List<PairStatus> pairs() {
        List<PairStatus> out = new ArrayList<>();
        slots.forEach((pair, slot) -> {
            ModelSlot.State state = slot.state();
            out.add(new PairStatus(pair.source(), name(pair.source()), pair.target(), name(pair.target()),
                    switch (state) {
                        case READY -> "ready";
                        case LOADING -> "loading";
                        case FAILED -> "unavailable";
                    }, state == ModelSlot.State.FAILED ? slot.problem() : null));
        });
        return out;
    }

    /** LOADING while any pair loads, READY when every pair is, FAILED otherwise (some pair has no model). */
    public ModelSlot.State state() {
        List<ModelSlot.State> states = slots.values().stream().map(ModelSlot::state).toList();
        if (states.contains(ModelSlot.State.LOADING)) {
            return ModelSlot.State.LOADING;
        }
        return states.stream().allMatch(s -> s == ModelSlot.State.READY) ? ModelSlot.State.READY
                : ModelSlot.State.FAILED;
    }

    public int maxChars() {
        return config.limits().maxChars();
    }

    static String name(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() ? code : name;
    }
}
