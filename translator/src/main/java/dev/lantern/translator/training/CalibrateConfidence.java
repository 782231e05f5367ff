package dev.lantern.translator.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.lantern.shared.engine.DeviceChoice;
import dev.lantern.shared.engine.DjlEnvironment;
import dev.lantern.shared.generation.SearchOptions;
import dev.lantern.shared.quality.Bleu;
import dev.lantern.shared.quality.ChrF;
import dev.lantern.translator.model.SentenceTranslation;
import dev.lantern.translator.model.TranslationConfidence;
import dev.lantern.translator.model.TranslationModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits a model folder's {@link TranslationConfidence} on a mix of dev sets and writes it beside the model, then says
 * how honest it is on each set's other half:
 *
 * <pre>
 * CalibrateConfidence MODEL_DIR NAME=SOURCE_FILE,REFERENCE_FILE [NAME=...] [--limit N] [--threads T]
 *                     [--pool NAME,NAME...]
 * </pre>
 *
 * The even-numbered pairs of every set (the first {@code --limit} of each) are translated as the app does (beam 4,
 * length penalty 1.0, no repeated 3-grams) and fitted together, so that the curve learns what everyday, general and
 * in-domain text look like to the model; one set alone (Multi30k val, before) taught it that a confident model is
 * right, which held in-domain and failed on everyday sentences. The odd-numbered pairs are then scored per set:
 * the corpus BLEU, the share of good translations (sentence chrF ≥ {@value TranslationConfidence#USABLE_CHRF}), the AUROC of the
 * confidence for "good", and of the sentences at or above the page's line (0.5), the share that is good. A last row
 * pools the checked pairs of the {@code --pool} sets (default: all), as a user's mix of texts would be.
 */
public final class CalibrateConfidence {

    /** How the app translates by default: beam 4, length penalty 1.0, no repeated 3-grams. */
    public static final SearchOptions APP_SEARCH = new SearchOptions(4, 1.0, 128, 3);
    static final double PAGE_LINE = 0.5;

    private CalibrateConfidence() {}

    /**
     * One dev set: its name, for each pair the translation's mean log-probability and whether it is good, and the
     * corpus BLEU of the translations.
     */
    record Scored(String name, List<Double> meanLogProbabilities, List<Boolean> good, double bleu) {

        /** The pairs of several sets as one; its BLEU is NaN (a corpus BLEU of mixed sets says little). */
        static Scored pooled(List<Scored> sets) {
            List<Double> x = new ArrayList<>();
            List<Boolean> y = new ArrayList<>();
            sets.forEach(s -> {
                x.addAll(s.meanLogProbabilities());
                y.addAll(s.good());
            });
            return new Scored("pooled: " + String.join(" + ", sets.stream().map(Scored::name).toList()), x, y,
                    Double.NaN);
        }
    }

    public static void main(String[] args) throws Exception {
        List<String[]> sets = new ArrayList<>();
        int limit = Integer.MAX_VALUE;
        String threads = Integer.toString(Runtime.getRuntime().availableProcessors());
        List<String> pool = List.of();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--limit") && i + 1 < args.length) {
                limit = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--threads") && i + 1 < args.length) {
                threads = args[++i];
            } else if (args[i].equals("--pool") && i + 1 < args.length) {
                pool = List.of(args[++i].split(","));
            } else if (args[i].matches("[^=]+=[^,]+,.+")) {
                String[] nameFiles = args[i].split("=", 2);
                String[] files = nameFiles[1].split(",", 2);
                CommandLineFiles.requireExisting(files);
                sets.add(new String[] {nameFiles[0], files[0], files[1]});
            } else {
                sets.clear();
                break;
            }
        }
        if (args.length < 2 || sets.isEmpty() || !sets.stream().map(s -> s[0]).toList().containsAll(pool)) {
            System.err.println("usage: CalibrateConfidence MODEL_DIR NAME=SOURCE_FILE,REFERENCE_FILE [NAME=...]"
                    + " [--limit N] [--threads T] [--pool NAME,NAME...]");
            System.exit(2);
        }
        System.setProperty("ai.djl.pytorch.num_threads", threads);
        DjlEnvironment.lockDown();
        Path modelDir = Path.of(args[0]);
        Device device = DeviceChoice.AUTO.resolve(Engine.getEngine("PyTorch"));
        List<Scored> fit = new ArrayList<>();
        List<Scored> check = new ArrayList<>();
        try (TranslationModel model = TranslationModel.load(modelDir, device)) {
            for (String[] set : sets) {
                List<String> sources = ParallelCorpus.readLines(Path.of(set[1]));
                List<String> references = ParallelCorpus.readLines(Path.of(set[2]));
                int n = Math.min(limit, Math.min(sources.size(), references.size()));
                fit.add(score(model, set[0], sources.subList(0, n), references.subList(0, n), 0));
                check.add(score(model, set[0], sources.subList(0, n), references.subList(0, n), 1));
            }
        }
        Scored fitted = Scored.pooled(fit);
        List<Double> x = fitted.meanLogProbabilities();
        List<Boolean> y = fitted.good();
        TranslationConfidence confidence = TranslationConfidence.fit(x, y);
        String summary = String.format(Locale.ROOT, "fitted on the even pairs of %s: %d pairs, %.1f%% good"
                + " (chrF >= %.0f)", String.join(", ", sets.stream().map(s -> s[0]).toList()), x.size(),
                100.0 * y.stream().filter(g -> g).count() / x.size(), TranslationConfidence.USABLE_CHRF);
        confidence.save(modelDir, "CalibrateConfidence " + summary);
        System.out.printf(Locale.ROOT, "%s%n%s; written to %s%n%n", confidence, summary,
                modelDir.resolve(TranslationConfidence.FILE));
        System.out.println("| dev set (odd pairs) | pairs | BLEU | good | AUROC for good | ≥ 0.5 that are good"
                + " | good scored ≥ 0.5 | mean confidence |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        List<String> pooledNames = pool;
        List<Scored> rows = new ArrayList<>(check);
        rows.add(Scored.pooled(pool.isEmpty() ? check
                : check.stream().filter(s -> pooledNames.contains(s.name())).toList()));
        for (Scored s : rows) {
            Report r = Report.of(confidence, s);
            System.out.printf(Locale.ROOT, "| %s | %d | %s | %.1f%% | %.3f | %s | %s | %.3f |%n", s.name(),
                    r.pairs(), Double.isNaN(s.bleu()) ? "–" : String.format(Locale.ROOT, "%.2f", s.bleu()),
                    100 * r.goodShare(), r.auroc(), percentOrDash(r.precision()), percentOrDash(r.recall()),
                    r.meanConfidence());
        }
    }

    private static Scored score(TranslationModel model, String name, List<String> sources, List<String> references,
            int parity) {
        List<String> src = new ArrayList<>();
        List<String> ref = new ArrayList<>();
        for (int i = parity; i < sources.size(); i += 2) {
            src.add(sources.get(i));
            ref.add(references.get(i));
        }
        List<SentenceTranslation> translated = model.translateScored(src, APP_SEARCH, 32);
        List<Double> scores = new ArrayList<>();
        List<Boolean> good = new ArrayList<>();
        List<String> hypotheses = new ArrayList<>();
        for (int i = 0; i < translated.size(); i++) {
            scores.add(translated.get(i).meanLogProbability());
            good.add(ChrF.sentence(translated.get(i).text(), ref.get(i)) >= TranslationConfidence.USABLE_CHRF);
            hypotheses.add(translated.get(i).text());
        }
        return new Scored(name, scores, good, Bleu.corpus(hypotheses, ref).score());
    }

    private static String percentOrDash(double share) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    /** How a confidence curve reads one dev set. NaN where a share has nothing to count. */
    record Report(int pairs, double goodShare, double auroc, double precision, double recall,
            double meanConfidence) {

        static Report of(TranslationConfidence confidence, Scored set) {
            List<Double> good = new ArrayList<>();
            List<Double> bad = new ArrayList<>();
            int above = 0;
            int goodAbove = 0;
            for (int i = 0; i < set.good().size(); i++) {
                double c = confidence.of(set.meanLogProbabilities().get(i));
                (set.good().get(i) ? good : bad).add(c);
                if (c >= PAGE_LINE) {
                    above++;
                    goodAbove += set.good().get(i) ? 1 : 0;
                }
            }
            int n = set.good().size();
            double mean = (good.stream().mapToDouble(d -> d).sum() + bad.stream().mapToDouble(d -> d).sum()) / n;
            return new Report(n, (double) good.size() / n, CalibrateConfidence.auroc(good, bad),
                    above == 0 ? Double.NaN : (double) goodAbove / above,
                    good.isEmpty() ? Double.NaN : (double) goodAbove / good.size(), mean);
        }
    }

    /** The chance that a good translation gets a higher confidence than a bad one (ties count half). */
    static double auroc(List<Double> positives, List<Double> negatives) {
        if (positives.isEmpty() || negatives.isEmpty()) {
            return Double.NaN;
        }
        double wins = 0;
        for (double a : positives) {
            for (double b : negatives) {
                wins += a > b ? 1 : a == b ? 0.5 : 0;
            }
        }
        return wins / ((double) positives.size() * negatives.size());
    }
}
