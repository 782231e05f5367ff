package dev.lantern.translator.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.lantern.shared.engine.DeviceChoice;
import dev.lantern.shared.engine.DjlEnvironment;
import dev.lantern.shared.generation.SearchOptions;
import dev.lantern.shared.quality.ChrF;
import dev.lantern.translator.model.SentenceTranslation;
import dev.lantern.translator.model.TranslationConfidence;
import dev.lantern.translator.model.TranslationModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits a model folder's {@link TranslationConfidence} on held-out in-domain pairs and writes it beside the model:
 * {@code CalibrateConfidence MODEL_DIR SOURCE_FILE REFERENCE_FILE [OUT_OF_DOMAIN_SOURCES or -] [threads]}. Translates as
 * the app does (beam 4, length penalty 1.0, no repeated 3-grams). With a file of out-of-domain sentences (one per
 * line, e.g. news) it also prints how well the confidence tells the two apart (AUROC).
 */
public final class CalibrateConfidence {

    private static final SearchOptions APP_SEARCH = new SearchOptions(4, 1.0, 128, 3);

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: CalibrateConfidence MODEL_DIR SOURCE_FILE REFERENCE_FILE"
                    + " [OUT_OF_DOMAIN_SOURCES or -] [threads]");
            System.exit(2);
        }
        CommandLineFiles.requireExisting(args[0], args[1], args[2]);
        if (args.length > 3 && !args[3].equals("-")) {
            CommandLineFiles.requireExisting(args[3]);
        }
        System.setProperty("ai.djl.pytorch.num_threads", args.length > 4 ? args[4]
                : Integer.toString(Runtime.getRuntime().availableProcessors()));
        DjlEnvironment.lockDown();
        Path modelDir = Path.of(args[0]);
        List<String> sources = ParallelCorpus.readLines(Path.of(args[1]));
        List<String> references = ParallelCorpus.readLines(Path.of(args[2]));
        Device device = DeviceChoice.AUTO.resolve(Engine.getEngine("PyTorch"));
        try (TranslationModel translator = TranslationModel.load(modelDir, device)) {
            List<SentenceTranslation> translated = translator.translateScored(sources, APP_SEARCH, 64);
            List<Double> scores = new ArrayList<>();
            List<Boolean> usable = new ArrayList<>();
            for (int i = 0; i < translated.size(); i++) {
                scores.add(translated.get(i).meanLogProbability());
                usable.add(ChrF.sentence(translated.get(i).text(), references.get(i))
                        >= TranslationConfidence.USABLE_CHRF);
            }
            TranslationConfidence confidence = TranslationConfidence.fit(scores, usable);
            long usableCount = usable.stream().filter(u -> u).count();
            String summary = String.format(Locale.ROOT, "fitted on %s: %d pairs, %.1f%% usable (chrF >= %.0f)",
                    Path.of(args[1]).getFileName(), sources.size(), 100.0 * usableCount / sources.size(),
                    TranslationConfidence.USABLE_CHRF);
            confidence.save(modelDir, "CalibrateConfidence " + summary);
            System.out.printf(Locale.ROOT, "%s%n%s; mean confidence %.3f; written to %s%n", confidence, summary,
                    meanConfidence(confidence, translated), modelDir.resolve(TranslationConfidence.FILE));
            if (args.length > 3 && !args[3].equals("-")) {
                List<SentenceTranslation> outside = translator.translateScored(
                        ParallelCorpus.readLines(Path.of(args[3])), APP_SEARCH, 64);
                System.out.printf(Locale.ROOT, "out of domain: %d sentences, mean confidence %.3f; AUROC in-domain"
                        + " vs out-of-domain %.3f%n", outside.size(), meanConfidence(confidence, outside),
                        auroc(confidence, translated, outside));
            }
        }
    }

    private static double meanConfidence(TranslationConfidence confidence, List<SentenceTranslation> sentences) {
        return sentences.stream().mapToDouble(s -> confidence.of(s.meanLogProbability())).average().orElse(0);
    }

    /** The chance that an in-domain sentence gets a higher confidence than an out-of-domain one (ties count half). */
    static double auroc(TranslationConfidence confidence, List<SentenceTranslation> inside,
            List<SentenceTranslation> outside) {
        double wins = 0;
        for (SentenceTranslation in : inside) {
            double a = confidence.of(in.meanLogProbability());
            for (SentenceTranslation out : outside) {
                double b = confidence.of(out.meanLogProbability());
                wins += a > b ? 1 : a == b ? 0.5 : 0;
            }
        }
        return wins / ((double) inside.size() * outside.size());
    }
}
