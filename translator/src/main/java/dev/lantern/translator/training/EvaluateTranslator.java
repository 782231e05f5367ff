package dev.lantern.translator.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.lantern.shared.engine.DeviceChoice;
import dev.lantern.shared.engine.DjlEnvironment;
import dev.lantern.shared.generation.SearchOptions;
import dev.lantern.shared.quality.Bleu;
import dev.lantern.shared.quality.BleuScore;
import dev.lantern.translator.model.TranslationModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Translates a file with a model directory and scores it with corpus BLEU (sacreBLEU conventions):
 * {@code EvaluateTranslator MODEL_DIR SOURCE_FILE REFERENCE_FILE [beam] [lengthPenalty] [hypothesesOut] [threads]
 * [noRepeatNgram]}.
 * Files may be gzipped. Prints the BLEU line, sentences/s, and writes the hypotheses when asked.
 */
public final class EvaluateTranslator {

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: EvaluateTranslator MODEL_DIR SOURCE_FILE REFERENCE_FILE [beam 4]"
                    + " [length-penalty 1.0] [hypotheses-out or -] [threads] [no-repeat-ngram 3]");
            System.exit(2);
        }
        CommandLineFiles.requireExisting(args[0], args[1], args[2]);
        int beam = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        double lengthPenalty = args.length > 4 ? Double.parseDouble(args[4]) : 1.0;
        String threads = args.length > 6 ? args[6] : Integer.toString(Runtime.getRuntime().availableProcessors());
        int noRepeatNgram = args.length > 7 ? Integer.parseInt(args[7]) : 3;
        System.setProperty("ai.djl.pytorch.num_threads", threads);
        DjlEnvironment.lockDown();
        List<String> sources = ParallelCorpus.readLines(Path.of(args[1]));
        List<String> references = ParallelCorpus.readLines(Path.of(args[2]));
        Device device = DeviceChoice.AUTO.resolve(Engine.getEngine("PyTorch"));
        try (TranslationModel translator = TranslationModel.load(Path.of(args[0]), device)) {
            long start = System.nanoTime();
            List<String> hypotheses = translator.translate(sources, new SearchOptions(beam, lengthPenalty, 256,
                    noRepeatNgram), 64);
            double seconds = (System.nanoTime() - start) / 1e9;
            BleuScore bleu = Bleu.corpus(hypotheses, references);
            System.out.printf(Locale.ROOT, "%s%n%d sentences in %.1f s (%.1f sentences/s), beam %d, length penalty"
                    + " %.2f, no-repeat n-gram %d, %s threads on %s%n", bleu, sources.size(), seconds,
                    sources.size() / seconds, beam, lengthPenalty, noRepeatNgram, threads, device);
            if (args.length > 5 && !args[5].equals("-")) {
                Files.write(Path.of(args[5]), hypotheses, StandardCharsets.UTF_8);
            }
        }
    }
}
