package dev.lantern.translator.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.lantern.shared.engine.DeviceChoice;
import dev.lantern.shared.engine.DjlEnvironment;
import dev.lantern.shared.generation.SearchOptions;
import dev.lantern.shared.quality.Bleu;
import dev.lantern.shared.quality.BleuScore;
import dev.lantern.translator.model.SentenceTranslator;
import dev.lantern.translator.model.TransformerConfig;
import dev.lantern.translator.model.TranslationTransformer;
import dev.lantern.translator.text.BpeTokenizer;
import dev.lantern.translator.text.BpeTrainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;

/**
 * Trains a translation Transformer on line-aligned parallel text: joint BPE, token-bucketed batches,
 * label-smoothed cross-entropy, Adam with warm-up, progress lines, checkpoints every few minutes and at each epoch's
 * end, resume from the last checkpoint, validation BLEU after each epoch with the best model kept in
 * {@code <output>/best} (a complete model directory for {@link SentenceTranslator#load}).
 */
public final class TrainTranslator {

    /** Longest time between two progress lines, whatever {@code --log-every} says. */
    private static final long PROGRESS_NANOS = 30_000_000_000L;

    private final TrainingOptions options;
    private final PrintWriter log;
    private final GracefulStop stop;

    private TrainTranslator(TrainingOptions options, PrintWriter log, GracefulStop stop) {
        this.options = options;
        this.log = log;
        this.stop = stop;
    }

    public static void main(String[] args) throws IOException {
        TrainingOptions options;
        try {
            options = TrainingOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // PyTorch reads its thread counts once, when the engine loads
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(options.threads()));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        DjlEnvironment.lockDown();
        train(options, args);
    }

    /** Runs (or resumes) training as the command line describes; also the entry point of tests. */
    public static void train(TrainingOptions options, String[] args) throws IOException {
        Files.createDirectories(options.output());
        try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(options.output().resolve("train.log"),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND), true);
                GracefulStop stop = new GracefulStop()) {
            new TrainTranslator(options, log, stop).run(args);
        }
    }

    private void say(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        log.println(line);
    }

    private void run(String[] args) throws IOException {
        say("== %s TrainTranslator %s", java.time.Instant.now(), String.join(" ", args));
        Path out = options.output();
        ParallelCorpus train = ParallelCorpus.lineAligned(options.data(), "train", options.source(),
                options.target());
        ParallelCorpus heldOut = null;
        if (options.tatoeba() != null) {
            train = train.plus(ParallelCorpus.tatoeba(options.tatoeba(), options.source(), false));
            heldOut = ParallelCorpus.tatoeba(options.tatoeba(), options.source(), true)
                    .first(options.validationLimit());
        }
        train = train.first(options.trainLimit());
        ParallelCorpus validation = ParallelCorpus.lineAligned(options.data(), "val", options.source(),
                options.target()).first(options.validationLimit());
        BpeTokenizer tokenizer = vocabulary(out);

        List<TokenBatches.Example> examples = new ArrayList<>();
        long sourceTokens = 0;
        long targetTokens = 0;
        for (int i = 0; i < train.size(); i++) {
            int[] src = frame(tokenizer.encode(train.sources().get(i)), false);
            int[] tgt = frame(tokenizer.encode(train.targets().get(i)), true);
            if (src.length <= options.maxTrainLength() && tgt.length - 1 <= options.maxTrainLength()
                    && src.length > 1 && tgt.length > 2) {
                examples.add(new TokenBatches.Example(src, tgt));
                sourceTokens += src.length;
                targetTokens += tgt.length - 1;
            }
        }
        say("data: %d training pairs (%d kept), %d source + %d target tokens per epoch; %d validation pairs%s",
                train.size(), examples.size(), sourceTokens, targetTokens, validation.size(),
                heldOut == null ? "" : ", " + heldOut.size() + " held-out Tatoeba pairs");

        Engine engine = Engine.getEngine("PyTorch");
        Device device = DeviceChoice.parse(options.device()).resolve(engine);
        engine.setRandomSeed((int) options.seed());
        TransformerConfig config = new TransformerConfig(tokenizer.vocabularySize(), options.modelDim(),
                options.heads(), options.encoderLayers(), options.decoderLayers(), options.feedForwardDim(),
                options.dropout(), options.maxPositions());
        config.save(out.resolve(SentenceTranslator.CONFIG));
        say("model: %s on %s, %d threads", config, device, options.threads());

        try (NDManager manager = NDManager.newBaseManager(device, "PyTorch")) {
            TranslationTransformer model = new TranslationTransformer(config);
            model.initialize(manager, DataType.FLOAT32, new Shape(1, 1), new Shape(1, 1));
            List<Parameter> parameters = model.getParameters().stream().map(Pair::getValue).toList();
            long count = parameters.stream().mapToLong(p -> p.getArray().size()).sum();
            say("parameters: %,d", count);
            try (AdamOptimizer adam = new AdamOptimizer(parameters, manager, 0.9f, 0.98f, 1e-9f)) {
                train(model, tokenizer, adam, examples, new Validation(validation, heldOut), manager);
            }
        }
    }

    private BpeTokenizer vocabulary(Path out) throws IOException {
        Path saved = out.resolve(SentenceTranslator.VOCABULARY);
        if (Files.exists(saved)) {
            say("vocabulary: %s (kept from an earlier run)", saved);
            return BpeTokenizer.load(saved);
        }
        Path given = options.vocabulary() != null ? options.vocabulary()
                : options.initializeFrom() != null ? options.initializeFrom().resolve(SentenceTranslator.VOCABULARY)
                : null;
        if (given != null) {
            Files.copy(given, saved);
            return BpeTokenizer.load(saved);
        }
        long start = System.nanoTime();
        List<String> text = new ArrayList<>();
        for (String language : options.vocabularyLanguages().split(",")) {
            Path file = options.data().resolve("train." + language.trim() + ".gz");
            if (Files.exists(file)) {
                text.addAll(ParallelCorpus.readLines(file));
            }
        }
        BpeTokenizer tokenizer = new BpeTrainer(options.vocabularySize(), 2).train(text);
        tokenizer.save(saved);
        say("vocabulary: %d BPE tokens learned from %d lines (%s) in %.1f s", tokenizer.vocabularySize(),
                text.size(), options.vocabularyLanguages(), (System.nanoTime() - start) / 1e9);
        return tokenizer;
    }

    private static int[] frame(int[] ids, boolean target) {
        int[] out = new int[ids.length + (target ? 2 : 1)];
        int at = 0;
        if (target) {
            out[at++] = BpeTokenizer.BOS;
        }
        System.arraycopy(ids, 0, out, at, ids.length);
        out[out.length - 1] = BpeTokenizer.EOS;
        return out;
    }

    private void train(TranslationTransformer model, BpeTokenizer tokenizer, AdamOptimizer adam,
            List<TokenBatches.Example> examples, Validation validation, NDManager manager) throws IOException {
        Path out = options.output();
        Path last = out.resolve("last");
        Path best = out.resolve("best");
        TrainingProgress progress = TrainingProgress.read(last);
        if (progress.step() > 0) {
            SentenceTranslator.loadParametersInto(model, manager, last.resolve(SentenceTranslator.PARAMETERS));
            adam.load(last.resolve("adam.state"), progress.step());
            say("resumed: epoch %d, batch %d, step %d, best BLEU %.2f", progress.epoch(), progress.batch(),
                    progress.step(), progress.bestBleu());
        } else if (options.initializeFrom() != null) {
            SentenceTranslator.loadParametersInto(model, manager,
                    options.initializeFrom().resolve(SentenceTranslator.PARAMETERS));
            say("initialised from %s", options.initializeFrom());
        }
        int batchesPerEpoch = TokenBatches.make(examples, options.maxTokens(), new Random(options.seed())).size();
        LearningRateSchedule schedule = new LearningRateSchedule(options.learningRate(), options.warmupSteps(),
                options.schedule().equals("cosine"), batchesPerEpoch * options.epochs());
        LabelSmoothedLoss lossFunction = new LabelSmoothedLoss(options.labelSmoothing());
        long runStart = System.nanoTime();
        long deadline = options.timeLimitMinutes() > 0
                ? runStart + (long) (options.timeLimitMinutes() * 60e9) : Long.MAX_VALUE;
        long nextCheckpoint = runStart + (long) (options.checkpointMinutes() * 60e9);
        int epoch = progress.epoch();
        int firstBatch = progress.batch();
        double bestBleu = progress.bestBleu();
        boolean timeUp = false;
        boolean stopped = false;
        int skipped = 0;
        for (; epoch < options.epochs() && !timeUp && !stopped; epoch++, firstBatch = 0) {
            List<List<TokenBatches.Example>> batches = TokenBatches.make(examples, options.maxTokens(),
                    new Random(options.seed() * 1_000_003L + epoch));
            long epochStart = System.nanoTime();
            double intervalLoss = 0;
            long intervalTokens = 0;
            long intervalAllTokens = 0;
            long intervalStart = System.nanoTime();
            int done = 0;
            for (int b = firstBatch; b < batches.size(); b++) {
                float lr = schedule.at(adam.steps() + 1);
                List<TokenBatches.Example> batch = batches.get(b);
                try (NDManager scratch = manager.newSubManager()) {
                    NDArray[] arrays = toArrays(batch, scratch);
                    NDArray lossSum;
                    try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                        NDArray logits = model.forward(new ParameterStore(scratch, false),
                                new NDList(arrays[0], arrays[1]), true).singletonOrThrow();
                        lossSum = lossFunction.sum(logits, arrays[2]);
                        long tokens = arrays[2].neq(0).sum().getLong();
                        collector.backward(lossSum.div(tokens));
                        intervalTokens += tokens;
                        intervalAllTokens += tokens + arrays[0].neq(0).sum().getLong();
                    }
                    float batchLoss = lossSum.getFloat();
                    if (adam.step(lr, options.clipNorm(), scratch)) {
                        intervalLoss += batchLoss;
                    } else {
                        skipped++;
                        intervalTokens -= arrays[2].neq(0).sum().getLong();
                        say("skipped batch %d of epoch %d: non-finite gradients (loss %s); %d skipped so far",
                                b + 1, epoch + 1, batchLoss, skipped);
                    }
                }
                done++;
                if (done % options.logEvery() == 0 || b == batches.size() - 1
                        || System.nanoTime() - intervalStart >= PROGRESS_NANOS) {
                    double seconds = (System.nanoTime() - intervalStart) / 1e9;
                    double perBatch = (System.nanoTime() - epochStart) / 1e9 / done;
                    say("epoch %d batch %d/%d step %d  loss %.3f  lr %.2e  %.0f tgt tok/s (%.0f src+tgt)  "
                            + "epoch ETA %s  elapsed %s", epoch + 1, b + 1, batches.size(), adam.steps(),
                            intervalLoss / Math.max(1, intervalTokens), lr, intervalTokens / seconds,
                            intervalAllTokens / seconds, duration(perBatch * (batches.size() - b - 1)),
                            duration((System.nanoTime() - runStart) / 1e9));
                    intervalLoss = 0;
                    intervalTokens = 0;
                    intervalAllTokens = 0;
                    intervalStart = System.nanoTime();
                }
                if (stop.requested()) {
                    say("stop requested (SIGTERM or Ctrl-C): saving a checkpoint; run the same command to resume");
                    stopped = true;
                    checkpoint(model, adam, last, new TrainingProgress(epoch, b + 1, adam.steps(), bestBleu));
                    break;
                }
                if (System.nanoTime() >= deadline) {
                    say("time limit of %.1f minutes reached", options.timeLimitMinutes());
                    timeUp = true;
                    checkpoint(model, adam, last, new TrainingProgress(epoch, b + 1, adam.steps(), bestBleu));
                    break;
                }
                if (System.nanoTime() >= nextCheckpoint) {
                    checkpoint(model, adam, last, new TrainingProgress(epoch, b + 1, adam.steps(), bestBleu));
                    nextCheckpoint = System.nanoTime() + (long) (options.checkpointMinutes() * 60e9);
                }
            }
            if (stopped) {
                break;
            }
            long validationStart = System.nanoTime();
            BleuScore bleu = validate(model, tokenizer, validation.multi30k(), manager);
            say("epoch %d validation (%d pairs, beam %d, %.0f s): %s", epoch + 1, validation.multi30k().size(),
                    options.validationBeam(), (System.nanoTime() - validationStart) / 1e9, bleu);
            if (validation.tatoeba() != null) {
                say("epoch %d held-out Tatoeba (%d pairs): %s", epoch + 1, validation.tatoeba().size(),
                        validate(model, tokenizer, validation.tatoeba(), manager));
            }
            if (bleu.score() > bestBleu) {
                bestBleu = bleu.score();
                SentenceTranslator.save(model, tokenizer, best, false);
                Files.writeString(best.resolve("bleu.txt"), String.format(Locale.ROOT,
                        "epoch %d step %d val %s%n", epoch + 1, adam.steps(), bleu));
                say("new best model: %s (BLEU %.2f)", best, bestBleu);
            }
            boolean epochFinished = !timeUp;
            checkpoint(model, adam, last, new TrainingProgress(epochFinished ? epoch + 1 : epoch,
                    epochFinished ? 0 : progressBatch(last), adam.steps(), bestBleu));
            if (epochFinished && options.keepEpochs() > 0) {
                keepEpoch(last, epoch + 1);
            }
        }
        if (stopped) {
            say("stopped after %s; resume with the same command", duration((System.nanoTime() - runStart) / 1e9));
            return;
        }
        say("done after %s; best validation BLEU %.2f in %s", duration((System.nanoTime() - runStart) / 1e9),
                bestBleu, best);
        if (Files.exists(best.resolve(SentenceTranslator.PARAMETERS))) {
            exportHalf(best, out.resolve("model"));
        }
    }

    /** The best checkpoint as a compact fp16 model directory, the form that ships. */
    private void exportHalf(Path best, Path target) throws IOException {
        try (SentenceTranslator loaded = SentenceTranslator.load(best, Device.cpu())) {
            SentenceTranslator.save(loaded.model(), loaded.tokenizer(), target, true);
        }
        Files.copy(best.resolve("bleu.txt"), target.resolve("bleu.txt"), StandardCopyOption.REPLACE_EXISTING);
        say("exported %s as fp16: %s (%,d bytes)", best, target,
                Files.size(target.resolve(SentenceTranslator.PARAMETERS)));
    }

    /** Keeps this epoch's weights beside the checkpoint (for averaging) and drops those beyond --keep-epochs. */
    private void keepEpoch(Path last, int epoch) throws IOException {
        Path epochs = Files.createDirectories(last.resolve("epochs"));
        Files.copy(last.resolve(SentenceTranslator.PARAMETERS), epochs.resolve(epochFile(epoch)),
                StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(epochs.resolve(epochFile(epoch - options.keepEpochs())));
    }

    static String epochFile(int epoch) {
        return String.format(Locale.ROOT, "epoch-%03d.params", epoch);
    }

    private static int progressBatch(Path last) throws IOException {
        return TrainingProgress.read(last).batch();
    }

    private BleuScore validate(TranslationTransformer model, BpeTokenizer tokenizer, ParallelCorpus validation,
            NDManager manager) {
        SentenceTranslator translator = new SentenceTranslator(model, tokenizer, manager);
        List<String> hypotheses = translator.translate(validation.sources(),
                new SearchOptions(options.validationBeam(), options.validationBeam() == 1 ? 0 : 1.0,
                        options.maxPositions()), 64);
        return Bleu.corpus(hypotheses, validation.targets());
    }

    private void checkpoint(TranslationTransformer model, AdamOptimizer adam, Path last, TrainingProgress progress)
            throws IOException {
        long start = System.nanoTime();
        Files.createDirectories(last);
        SentenceTranslator.saveParameters(model, last.resolve(SentenceTranslator.PARAMETERS), false);
        Path partial = last.resolve("adam.state.partial");
        adam.save(partial);
        Files.move(partial, last.resolve("adam.state"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        progress.write(last);
        say("checkpoint: %s (epoch %d, batch %d, step %d) in %.1f s", last, progress.epoch() + 1, progress.batch(),
                progress.step(), (System.nanoTime() - start) / 1e9);
    }

    /** source, target input (BOS ...), target output (... EOS), each padded with 0. */
    private static NDArray[] toArrays(List<TokenBatches.Example> batch, NDManager manager) {
        int rows = batch.size();
        int sourceLength = batch.stream().mapToInt(e -> e.source().length).max().orElse(1);
        int targetLength = batch.stream().mapToInt(e -> e.target().length - 1).max().orElse(1);
        long[] source = new long[rows * sourceLength];
        long[] targetIn = new long[rows * targetLength];
        long[] targetOut = new long[rows * targetLength];
        for (int r = 0; r < rows; r++) {
            int[] src = batch.get(r).source();
            int[] tgt = batch.get(r).target();
            for (int t = 0; t < src.length; t++) {
                source[r * sourceLength + t] = src[t];
            }
            for (int t = 0; t + 1 < tgt.length; t++) {
                targetIn[r * targetLength + t] = tgt[t];
                targetOut[r * targetLength + t] = tgt[t + 1];
            }
        }
        return new NDArray[] {manager.create(source, new Shape(rows, sourceLength)),
            manager.create(targetIn, new Shape(rows, targetLength)),
            manager.create(targetOut, new Shape(rows, targetLength))};
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /** Multi30k val (picks the best epoch) and, with {@code --tatoeba}, the held-out Tatoeba slice. */
    private record Validation(ParallelCorpus multi30k, ParallelCorpus tatoeba) {}

    /** Where a run stands: the next epoch and batch to train, optimizer steps so far, best validation BLEU. */
    record TrainingProgress(int epoch, int batch, int step, double bestBleu) {
        static final String FILE = "progress.properties";

        static TrainingProgress read(Path dir) throws IOException {
            Path file = dir.resolve(FILE);
            if (!Files.exists(file)) {
                return new TrainingProgress(0, 0, 0, -1);
            }
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            return new TrainingProgress(Integer.parseInt(p.getProperty("epoch")),
                    Integer.parseInt(p.getProperty("batch")), Integer.parseInt(p.getProperty("step")),
                    Double.parseDouble(p.getProperty("bestBleu")));
        }

        void write(Path dir) throws IOException {
            Properties p = new Properties();
            p.setProperty("epoch", Integer.toString(epoch));
            p.setProperty("batch", Integer.toString(batch));
            p.setProperty("step", Integer.toString(step));
            p.setProperty("bestBleu", Double.toString(bestBleu));
            Path partial = dir.resolve(FILE + ".partial");
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                p.store(out, "training progress: next epoch (0-based) and batch to train");
            }
            Files.move(partial, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
