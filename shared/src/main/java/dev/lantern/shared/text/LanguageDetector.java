package dev.lantern.shared.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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
    /** Enough text for a confident answer; more only costs time. */
    private static final int SAMPLE_CHARS = 2000;

    /** ISO 639-3 (and the 639-2 bibliographic forms) to 639-1, from the JDK's own table. */
    private static final Map<String, String> TWO_LETTER = twoLetterCodes();

    private final LanguageDetectorModel model;

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
        CharSequence sample = text.length() > SAMPLE_CHARS ? text.subSequence(0, SAMPLE_CHARS) : text;
        // LanguageDetectorME holds no state between calls but is not documented as thread-safe: one per call
        Language best = new LanguageDetectorME(model).predictLanguage(sample);
        return new DetectedLanguage(toIso6391(best.getLang()), best.getConfidence());
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
            } catch (java.util.MissingResourceException ignored) {
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
