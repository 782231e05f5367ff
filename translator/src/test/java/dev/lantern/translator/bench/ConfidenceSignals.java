package dev.lantern.translator.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.lantern.shared.engine.DjlEnvironment;
import dev.lantern.shared.quality.ChrF;
import dev.lantern.translator.model.NoGrad;
import dev.lantern.translator.model.SentenceTranslation;
import dev.lantern.translator.model.TranslationModel;
import dev.lantern.translator.model.TranslationTransformer;
import dev.lantern.translator.training.CalibrateConfidence;
import dev.lantern.translator.training.ParallelCorpus;
import dev.lantern.translator.training.TokenBatches;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Candidate signals for a translation's confidence, one TSV row per dev pair, for {@code scripts/confidence-signals.py}
 * to fit and score (TRAINING.md, "Second signals"):
 *
 * <pre>
 * ConfidenceSignals MODEL_DIR OUT.tsv DROPOUT_PASSES NAME=SOURCE_FILE,REFERENCE_FILE... [--reverse MODEL_DIR]
 * </pre>
 *
 * <p>with the dev sets that {@code make-corpus.py} writes (gzip or not), e.g.
 * {@code tatoeba=target/corpus-v3/en-de/dev-tatoeba.en.gz,target/corpus-v3/en-de/dev-tatoeba.de.gz}.
 * Each source is translated as the app does (beam 4, length penalty 1.0, no repeated 3-grams); the translation is
 * then scored by teacher forcing: its mean softmax entropy and its least likely token, its mean token log-probability
 * with the model's dropout on (Monte Carlo dropout: mean and spread over the passes), and with {@code --reverse},
 * the mean log-probability of the source given the translation under the reverse model (a round trip). {@code tp} is
 * the search's own mean log-probability, what the shipped confidence reads. The teacher-forced scores re-tokenise the
 * translation from its text, as a served reverse model would see it; for about 6% of sentences that differs from the
 * search's tokens.
 */
public final class ConfidenceSignals {

    private static final int BATCH = 32;

    private ConfidenceSignals() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.pytorch.num_threads", "2");
        DjlEnvironment.lockDown();
        int passes = Integer.parseInt(args[2]);
        Path reverse = null;
        List<String[]> sets = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            if (args[i].equals("--reverse")) {
                reverse = Path.of(args[++i]);
            } else {
                String[] nameFiles = args[i].split("=", 2);
                String[] files = nameFiles[1].split(",", 2);
                sets.add(new String[] {nameFiles[0], files[0], files[1]});
            }
        }
        try (TranslationModel model = TranslationModel.load(Path.of(args[0]), Device.cpu());
                TranslationModel back = reverse == null ? null : TranslationModel.load(reverse, Device.cpu());
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
            out.println("set\tidx\ttp\tent\tminlp\tdmean\tdstd\trt\tsrclen\thyplen\tchrf\thyp");
            for (String[] set : sets) {
                List<String> sources = ParallelCorpus.readLines(Path.of(set[1]));
                List<String> references = ParallelCorpus.readLines(Path.of(set[2]));
                List<SentenceTranslation> translated = model.translateScored(sources,
                        CalibrateConfidence.APP_SEARCH, BATCH);
                List<String> translations = translated.stream().map(SentenceTranslation::text).toList();
                Scores plain = Scores.of(model, sources, translations, false, 0);
                double[][] dropped = new double[passes][];
                for (int k = 0; k < passes; k++) {
                    dropped[k] = Scores.of(model, sources, translations, true, k + 1).meanLogP();
                }
                double[] roundTrip = back == null ? null : Scores.of(back, translations, sources, false, 0).meanLogP();
                for (int i = 0; i < sources.size(); i++) {
                    double sum = 0;
                    double squares = 0;
                    for (double[] pass : dropped) {
                        sum += pass[i];
                        squares += pass[i] * pass[i];
                    }
                    double mean = sum / passes;
                    out.printf(Locale.ROOT, "%s\t%d\t%.5f\t%.5f\t%.5f\t%.5f\t%.5f\t%.5f\t%d\t%d\t%.2f\t%s%n",
                            set[0], i, translated.get(i).meanLogProbability(), plain.meanEntropy()[i],
                            plain.minLogP()[i], mean, Math.sqrt(Math.max(0, squares / passes - mean * mean)),
                            roundTrip == null ? Double.NaN : roundTrip[i], model.sourceIds(sources.get(i)).length,
                            model.tokenizer().encode(translations.get(i)).length + 1,
                            ChrF.sentence(translations.get(i), references.get(i)),
                            translations.get(i).replace('\t', ' '));
                }
                out.flush();
            }
        }
    }

    /** Per pair, teacher-forced: mean log P of the target tokens and EOS, their mean entropy, the lowest log P. */
    record Scores(double[] meanLogP, double[] meanEntropy, double[] minLogP) {

        static Scores of(TranslationModel model, List<String> sources, List<String> targets, boolean dropout,
                int seed) {
            int n = sources.size();
            Scores scores = new Scores(new double[n], new double[n], new double[n]);
            TranslationTransformer net = model.model();
            int longest = net.config().maxPositions() - 1;
            TokenBatches.Example[] examples = new TokenBatches.Example[n];
            for (int i = 0; i < n; i++) {
                int[] source = model.tokenizer().encode(sources.get(i));
                int[] target = model.tokenizer().encode(targets.get(i));
                examples[i] = TokenBatches.Example.of(Arrays.copyOf(source, Math.min(source.length, longest)),
                        Arrays.copyOf(target, Math.min(target.length, longest)));
            }
            Integer[] order = new Integer[n];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.comparingInt(i -> examples[i].source().length));
            NDManager weights = net.getParameters().get(0).getValue().getArray().getManager();
            for (int start = 0; start < n; start += BATCH) {
                List<Integer> rows = Arrays.asList(order).subList(start, Math.min(n, start + BATCH));
                try (NoGrad noGrad = NoGrad.start(); NDManager batch = weights.newSubManager()) {
                    Engine.getEngine("PyTorch").setRandomSeed(seed * 100_003 + start);
                    NDArray[] arrays = TokenBatches.arrays(rows.stream().map(i -> examples[i]).toList(), batch);
                    NDArray logP = net.forward(new ParameterStore(batch, false), new NDList(arrays[0], arrays[1]),
                            dropout).singletonOrThrow().logSoftmax(-1);
                    int width = (int) arrays[2].getShape().get(1);
                    float[] tokenLogP = logP.gather(arrays[2].expandDims(2), 2).toFloatArray();
                    float[] entropy = logP.exp().mul(logP).sum(new int[] {2}).neg().toFloatArray();
                    for (int r = 0; r < rows.size(); r++) {
                        int pair = rows.get(r);
                        int length = examples[pair].target().length - 1;
                        double sum = 0;
                        double entropySum = 0;
                        double min = 0;
                        for (int k = r * width; k < r * width + length; k++) {
                            sum += tokenLogP[k];
                            entropySum += entropy[k];
                            min = Math.min(min, tokenLogP[k]);
                        }
                        scores.meanLogP[pair] = sum / length;
                        scores.meanEntropy[pair] = entropySum / length;
                        scores.minLogP[pair] = min;
                    }
                }
            }
            return scores;
        }
    }
}
