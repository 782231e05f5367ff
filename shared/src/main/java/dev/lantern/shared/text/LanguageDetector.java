package dev.lantern.shared.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Tells which language a text is in, with OpenNLP's language detection model (103 languages, from Maven Central).
 * The model answers ISO 639-3 codes; this class answers ISO 639-1 where one exists, as HTTP and most tools use.
 * Thread-safe.
 */
public final class LanguageDetector {

    /** Loaded by its own name: every OpenNLP model jar also has a root {@code model.properties}, so those clash. */
    static final String MODEL_RESOURCE = "/langdetect-183.bin";
    /**
     * How close to the overall best a candidate language must come to be chosen. Short sentences spread the model's
     * probability over many languages ("A man is riding a bike." came out Minangkabau, 2%), but the right one is
     * then close behind. Measured on Multi30k val (1,014 sentences each), restricted to English and German: at 0.8
     * every English and 1,013 German sentences are told right, while 100% of Czech and 95% of French sentences are
     * still recognised as neither; at 1.0 (the top language only) English drops to 99.7% and German to 99.2%.
     */
    static final double CANDIDATE_RATIO = 0.8;
    /** Enough text for a confident answer; more only costs time. */
    private static final int SAMPLE_CHARS = 2000;

    /** ISO 639-3 (and the 639-2 bibliographic forms) to 639-1, from the JDK's own table. */
    private static final Map<String, String> TWO_LETTER = twoLetterCodes();

    private final LanguageDetectorModel model;

    /** Loading starts at the first call of {@link #shared}. */
    private static final class Shared {
        static final CompletableFuture<LanguageDetector> LOADING = CompletableFuture.supplyAsync(LanguageDetector::new,
                run -> {
                    Thread thread = new Thread(run, "lantern-language-model");
                    thread.setDaemon(true);
                    thread.start();
                });
    }

    /**
     * The detector that an app's tasks share, loading on its own thread from the first call on. Its 10 MB model takes
     * a second or more to read on a small box: the tasks make that first call once their own models are loaded, so
     * that it neither holds up their readiness nor takes the cores from the start-up.
     */
    public static CompletableFuture<LanguageDetector> shared() {
        return Shared.LOADING;
    }

    public LanguageDetector() {
        try (InputStream in = LanguageDetector.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP language model " + MODEL_RESOURCE
                        + " is not on the classpath (org.apache.opennlp:opennlp-models-langdetect)");
            }
            model = new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("OpenNLP language model cannot be read", e);
        }
    }

    /** The most likely language of {@code text}, judged on its first {@value #SAMPLE_CHARS} characters. */
    public DetectedLanguage detect(CharSequence text) {
        // LanguageDetectorME holds no state between calls but is not documented as thread-safe: one per call
        Language best = new LanguageDetectorME(model).predictLanguage(sample(text));
        return new DetectedLanguage(toIso6391(best.getLang()), best.getConfidence());
    }

    /**
     * The most likely of {@code candidates} (ISO 639-1 codes, e.g. the languages a service can read) when it comes
     * within {@link #CANDIDATE_RATIO} of the most likely language overall; otherwise that overall best, which is
     * then no candidate.
     */
    public DetectedLanguage detectAmong(CharSequence text, Set<String> candidates) {
        Language[] ranked = new LanguageDetectorME(model).predictLanguages(sample(text));
        for (Language language : ranked) {
            String code = toIso6391(language.getLang());
            if (candidates.contains(code)) {
                if (language.getConfidence() >= CANDIDATE_RATIO * ranked[0].getConfidence()) {
                    return new DetectedLanguage(code, language.getConfidence());
                }
                break;
            }
        }
        return new DetectedLanguage(toIso6391(ranked[0].getLang()), ranked[0].getConfidence());
    }

    private static CharSequence sample(CharSequence text) {
        return text.length() > SAMPLE_CHARS ? text.subSequence(0, SAMPLE_CHARS) : text;
    }

    /** "eng" to "en"; codes with no two-letter form ("yue", "cmn"... ) are kept, "cmn" being mapped to "zh". */
    public static String toIso6391(String code) {
        String lower = code.toLowerCase(Locale.ROOT);
        return TWO_LETTER.getOrDefault(lower, lower);
    }

    private static Map<String, String> twoLetterCodes() {
        Map<String, String> map = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            try {
                map.put(new Locale(two).getISO3Language(), two);
            } catch (MissingResourceException ignored) {
                // a code without a three-letter form: nothing to map
            }
        }
        // the detector's macro-language members and bibliographic codes that the JDK table lacks
        map.putAll(Map.of("cmn", "zh", "zho", "zh", "ger", "de", "fre", "fr", "dut", "nl", "gre", "el", "per", "fa",
                "pes", "fa", "arb", "ar", "zsm", "ms"));
        map.putAll(Map.of("nob", "nb", "nno", "nn", "swh", "sw", "ekk", "et", "lvs", "lv", "khk", "mn", "uzn", "uz",
                "azj", "az", "ydd", "yi", "plt", "mg"));
        return Map.copyOf(map);
    }
}
