package dev.lantern.shared.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes {@link LanguageProfiles}' resource from the training halves of {@code shared/data} (Tatoeba, Multi30k train,
 * WMT news; never a dev set, on which the profiles are measured):
 *
 * <pre>
 * ./mvnw -q -pl shared test-compile
 * java -cp shared/target/classes:shared/target/test-classes dev.lantern.shared.text.BuildLanguageProfiles \
 *     ../shared/data shared/src/main/resources/dev/lantern/shared/text/language-profiles.tsv.gz
 * </pre>
 */
public final class BuildLanguageProfiles {

    /** Most frequent n-grams kept per language, for n = 1, 2, 3: enough for everyday text, 90 KB in the jar. */
    private static final int[] KEEP = {0, 200, 1500, 5000};

    private BuildLanguageProfiles() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        Map<String, List<String>> texts = Map.of(
                "en", concat(column(data.resolve("tatoeba/eng-deu-50k.tsv"), 0),
                        column(data.resolve("tatoeba/eng-deu-test-union-train.tsv.gz"), 0),
                        column(data.resolve("tatoeba/eng-fra-test-union-train.tsv.gz"), 0),
                        column(data.resolve("multi30k/train.en.gz"), 0),
                        column(data.resolve("news/eng-deu-wmt-newstest2008-2018.tsv.gz"), 0)),
                "de", concat(column(data.resolve("tatoeba/eng-deu-50k.tsv"), 1),
                        column(data.resolve("tatoeba/eng-deu-test-union-train.tsv.gz"), 1),
                        column(data.resolve("multi30k/train.de.gz"), 0),
                        column(data.resolve("news/eng-deu-wmt-newstest2008-2018.tsv.gz"), 1)),
                "fr", concat(column(data.resolve("tatoeba/eng-fra-18k.tsv"), 1),
                        column(data.resolve("tatoeba/eng-fra-test-union-train.tsv.gz"), 1),
                        column(data.resolve("multi30k/train.fr.gz"), 0),
                        column(data.resolve("news/eng-fra-wmt-newstest2008-2014-tico19.tsv.gz"), 1)));
        Path out = Path.of(args[1]);
        Files.createDirectories(out.getParent());
        try (PrintWriter w = new PrintWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(out)),
                StandardCharsets.UTF_8))) {
            for (String language : List.of("en", "de", "fr")) {
                write(w, language, texts.get(language));
            }
        }
        System.out.println("wrote " + out + " (" + Files.size(out) + " bytes)");
    }

    private static void write(PrintWriter w, String language, List<String> sentences) {
        List<Map<String, Integer>> counts = new ArrayList<>();
        long[] totals = new long[LanguageProfiles.ORDER + 1];
        for (int n = 0; n <= LanguageProfiles.ORDER; n++) {
            counts.add(new HashMap<>());
        }
        for (String sentence : sentences) {
            for (String gram : LanguageProfiles.ngrams(sentence)) {
                counts.get(gram.length()).merge(gram, 1, Integer::sum);
                totals[gram.length()]++;
            }
        }
        for (int n = 1; n <= LanguageProfiles.ORDER; n++) {
            List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.get(n).entrySet());
            ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey()));
            List<Map.Entry<String, Integer>> kept = ranked.subList(0, Math.min(KEEP[n], ranked.size()));
            for (var e : kept) {
                w.printf(Locale.ROOT, "%s\t%s\t%.3f%n", language, e.getKey(), Math.log((double) e.getValue() / totals[n]));
            }
            // an n-gram the language never (or too seldom) showed: half the rarest kept one
            double floor = Math.log(0.5 * kept.get(kept.size() - 1).getValue() / totals[n]);
            w.printf(Locale.ROOT, "%s\t<floor-%d>\t%.3f%n", language, n, floor);
        }
        System.out.printf(Locale.ROOT, "%s: %d sentences%n", language, sentences.size());
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    private static List<String> column(Path file, int column) throws IOException {
        List<String> out = new ArrayList<>();
        InputStream raw = Files.newInputStream(file);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] parts = line.split("\t");
                if (parts.length > column && !parts[column].isBlank()) {
                    out.add(parts[column].strip());
                }
            }
        }
        return out;
    }
}
