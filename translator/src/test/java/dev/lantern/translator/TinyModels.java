package dev.lantern.translator;

import dev.lantern.translator.model.TranslationModel;
import dev.lantern.translator.training.TrainTranslator;
import dev.lantern.translator.training.TrainingOptions;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Real, tiny translation models for the tests, trained by the project's own training command on a toy
 * word-for-word English/German corpus (about a minute on a busy 2-core machine; kept under target/ for the next
 * run). The app under test serves en-de from it; de-en and en-fr are the shipped models, and fr-en is added with
 * no model, so that one pair stays unavailable.
 */
public class TinyModels implements QuarkusTestResourceLifecycleManager {

    public static final Path ROOT = Path.of("target", "test-models");

    /** English and German words; any sequence of them translates word for word. */
    static final String[][] WORDS = {{"the", "der"}, {"red", "rote"}, {"dog", "hund"}, {"runs", "läuft"},
        {"big", "große"}, {"cat", "katze"}, {"sleeps", "schläft"}, {"small", "kleine"}, {"man", "mann"},
        {"eats", "isst"}, {"green", "grüne"}, {"bird", "vogel"}, {"sings", "singt"}, {"old", "alte"},
        {"woman", "frau"}, {"reads", "liest"}};

    @Override
    public Map<String, String> start() {
        // a 250-token vocabulary is nearly letters, and letter 3-grams recur in real words: no n-gram rule here
        return Map.of("lantern.translator.models.\"en-de\".dir", model("en", "de").toString(),
                "lantern.translator.pairs", "en-de,de-en,en-fr,fr-en",
                "lantern.translator.search.no-repeat-ngram", "0");
    }

    @Override
    public void stop() {}

    /** The model folder of {@code source-target}, trained now unless an earlier run left it. */
    public static synchronized Path model(String source, String target) {
        Path out = ROOT.resolve(source + "-" + target).toAbsolutePath();
        Path model = out.resolve("model");
        if (Files.isRegularFile(model.resolve(TranslationModel.PARAMETERS))) {
            return model;
        }
        try {
            Path data = ROOT.resolve("data").toAbsolutePath();
            if (!Files.isRegularFile(data.resolve("val.de.gz"))) {
                Files.createDirectories(data);
                Random random = new Random(7);
                writePairs(data, "train", 1500, random);
                writePairs(data, "val", 30, random);
            }
            String[] args = {"--source", source, "--target", target, "--data", data.toString(), "--output",
                out.toString(), "--vocabulary-languages", "en,de", "--vocabulary-size", "250", "--model-dim", "64",
                "--heads", "4", "--encoder-layers", "1", "--decoder-layers", "1", "--ffn", "128", "--dropout", "0",
                "--max-positions", "48", "--max-tokens", "300", "--warmup", "50", "--lr", "0.005", "--epochs", "5", "--schedule", "cosine",
                "--validation-limit", "10",
                "--log-every", "1000", "--threads", "1"};
            TrainTranslator.train(TrainingOptions.parse(args), args);
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Short sentences, capitalised and ended with a period, so the sentence splitter sees sentences. */
    private static void writePairs(Path dir, String split, int count, Random random) throws IOException {
        List<String> english = new ArrayList<>();
        List<String> german = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder en = new StringBuilder();
            StringBuilder de = new StringBuilder();
            int length = 2 + random.nextInt(4);
            for (int w = 0; w < length; w++) {
                String[] pair = WORDS[random.nextInt(WORDS.length)];
                en.append(w == 0 ? capital(pair[0]) : " " + pair[0]);
                de.append(w == 0 ? capital(pair[1]) : " " + pair[1]);
            }
            english.add(en + ".");
            german.add(de + ".");
        }
        write(dir.resolve(split + ".en.gz"), english);
        write(dir.resolve(split + ".de.gz"), german);
    }

    static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static void write(Path file, List<String> lines) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                Writer out = new OutputStreamWriter(new GZIPOutputStream(raw), StandardCharsets.UTF_8)) {
            for (String line : lines) {
                out.write(line + "\n");
            }
        }
    }
}
