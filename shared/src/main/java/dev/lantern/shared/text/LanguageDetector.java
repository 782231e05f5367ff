package dev.lantern.shared.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
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
    /** Fewer letters than this ("Hallo", "Danke", "Bonjour") tell no language apart from its neighbours. */
    static final int MIN_LETTERS = 8;
    /**
     * How far OpenNLP's best language must lead its second for {@link #identify} to name a language that has no
     * profile (Spanish, Czech...). Measured on the Tatoeba dev sets: English, German and French sentences were named
     * as another language 0.1% of the time at 1.2.
     */
    static final double OTHER_LANGUAGE_LEAD = 1.2;
    /** Naive Bayes posterior from which a profiled language is taken. */
    static final double PROFILE_POSTERIOR = 0.99;
    /** ...provided OpenNLP ranks it this high among its 103, which keeps other languages from passing as one. */
    static final int OPENNLP_RANK = 10;
    /** Enough text for a confident answer; more only costs time. */
    private static final int SAMPLE_CHARS = 2000;

    /** ISO 639-3 (and the 639-2 bibliographic forms) to 639-1, from the JDK's own table. */
    private static final Map<String, String> TWO_LETTER = twoLetterCodes();

    private final LanguageDetectorModel model;
    private final LanguageProfiles profiles = LanguageProfiles.load();

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
     * The language of {@code text}, or empty when it cannot be told with confidence: too few letters, or neither
     * model sure. A language with a profile (see {@link LanguageProfiles}) is taken when its posterior is at least
     * {@value #PROFILE_POSTERIOR} and OpenNLP ranks it in its top {@value #OPENNLP_RANK}; another language when
     * OpenNLP's best leads its second by {@value #OTHER_LANGUAGE_LEAD}x. On the Tatoeba dev sets (1,500 everyday
     * sentences each) that named English 99.1% right (0.1% wrong), German 98.0% (0.7%), French 98.5% (0.1%), and
     * Multi30k's Czech val 84% right, 0.7% wrong; the rest was left unsure. OpenNLP's top language alone: 93%, 90%,
     * 91% right and the rest wrong.
     */
    public Optional<DetectedLanguage> identify(CharSequence text) {
        CharSequence sample = sample(text);
        if (LanguageProfiles.letters(sample) < MIN_LETTERS) {
            return Optional.empty();
        }
        Language[] ranked = new LanguageDetectorME(model).predictLanguages(sample);
        String top = toIso6391(ranked[0].getLang());
        if (!profiles.languages().contains(top) && ranked.length > 1
                && ranked[0].getConfidence() >= OTHER_LANGUAGE_LEAD * ranked[1].getConfidence()) {
            return Optional.of(new DetectedLanguage(top, ranked[0].getConfidence()));
        }
        Map.Entry<String, Double> best = profiles.posteriors(sample).entrySet().iterator().next();
        for (int i = 0; i < Math.min(OPENNLP_RANK, ranked.length); i++) {
            if (toIso6391(ranked[i].getLang()).equals(best.getKey())) {
                return best.getValue() >= PROFILE_POSTERIOR
                        ? Optional.of(new DetectedLanguage(best.getKey(), best.getValue())) : Optional.empty();
            }
        }
        return Optional.empty();
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
