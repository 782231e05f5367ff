package dev.lantern.shared.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Character 1- to 3-gram statistics of a few languages, learned from sentences people write, for telling those
 * languages apart in texts as short as "Où est la gare ?". OpenNLP's model spreads a short sentence's probability over
 * its 103 languages (that one came out Basque, 1.5%, French 1.4%); these profiles cover only the languages Lantern's
 * models read and write, and a naive Bayes over them is sure of most everyday sentences. Built by
 * {@code BuildLanguageProfiles} (shared's test sources) into {@value #RESOURCE}. Immutable and thread-safe.
 */
public final class LanguageProfiles {

    static final String RESOURCE = "/dev/lantern/shared/text/language-profiles.tsv.gz";
    static final int ORDER = 3;

    /** Per language, per n-gram, its log probability; {@code floor} for an n-gram the language never showed. */
    private final Map<String, Map<String, Float>> logProbabilities;
    private final Map<String, float[]> floors;

    LanguageProfiles(Map<String, Map<String, Float>> logProbabilities, Map<String, float[]> floors) {
        this.logProbabilities = logProbabilities;
        this.floors = floors;
    }

    /** The profiles shipped in the jar. */
    public static LanguageProfiles load() {
        try (InputStream raw = LanguageProfiles.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return read(new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("language profiles cannot be read", e);
        }
    }

    /** Lines {@code language TAB n-gram TAB log-probability}; the n-gram {@code <floor-N>} is the unseen value. */
    static LanguageProfiles read(BufferedReader in) throws IOException {
        Map<String, Map<String, Float>> logProbabilities = new LinkedHashMap<>();
        Map<String, float[]> floors = new HashMap<>();
        String line;
        while ((line = in.readLine()) != null) {
            String[] parts = line.split("\t", -1);
            float value = Float.parseFloat(parts[2]);
            if (parts[1].startsWith("<floor-")) {
                int n = parts[1].charAt(7) - '0';
                floors.computeIfAbsent(parts[0], k -> new float[ORDER + 1])[n] = value;
            } else {
                logProbabilities.computeIfAbsent(parts[0], k -> new HashMap<>()).put(parts[1], value);
            }
        }
        return new LanguageProfiles(logProbabilities, floors);
    }

    /** The languages profiled, ISO 639-1. */
    public List<String> languages() {
        return List.copyOf(logProbabilities.keySet());
    }

    /** Posterior probability of each profiled language (equal priors), most likely first. */
    public Map<String, Double> posteriors(CharSequence text) {
        List<String> grams = ngrams(text);
        Map<String, Double> scores = new LinkedHashMap<>();
        double best = Double.NEGATIVE_INFINITY;
        for (var language : logProbabilities.entrySet()) {
            float[] floor = floors.get(language.getKey());
            double sum = 0;
            for (String gram : grams) {
                Float logP = language.getValue().get(gram);
                sum += logP != null ? logP : floor[gram.length()];
            }
            scores.put(language.getKey(), sum);
            best = Math.max(best, sum);
        }
        double total = 0;
        for (var e : scores.entrySet()) {
            e.setValue(Math.exp(e.getValue() - best));
            total += e.getValue();
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(scores.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        Map<String, Double> out = new LinkedHashMap<>();
        for (var e : ranked) {
            out.put(e.getKey(), e.getValue() / total);
        }
        return out;
    }

    /** The 1- to 3-grams of each word, lower-cased and padded with a space on both sides ("gare" → " ga", "re "). */
    static List<String> ngrams(CharSequence text) {
        List<String> grams = new ArrayList<>();
        for (String word : text.toString().toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
            if (word.isEmpty()) {
                continue;
            }
            String padded = " " + word + " ";
            for (int n = 1; n <= ORDER; n++) {
                for (int i = 0; i + n <= padded.length(); i++) {
                    String gram = padded.substring(i, i + n);
                    if (!gram.isBlank()) {
                        grams.add(gram);
                    }
                }
            }
        }
        return grams;
    }

    /** Letters in the text: below a handful no detector can tell the language. */
    public static int letters(CharSequence text) {
        return (int) text.codePoints().filter(Character::isLetter).count();
    }
}
