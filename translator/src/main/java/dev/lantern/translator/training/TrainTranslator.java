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
import dev.lantern.translator.model.TransformerConfig;
import dev.lantern.translator.model.TranslationModel;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;

/**
 * Trains a translation Transformer on line-aligned parallel text: joint BPE, token-bucketed batches,
 * label-smoothed cross-entropy, Adam with warm-up, progress lines, checkpoints every few minutes and at each epoch's
 * end, resume from the last checkpoint, validation BLEU after each epoch with the best model kept in
 * {@code <output>/best} (a complete model directory for {@link TranslationModel#load}).
 */
public final class TrainTranslator {

    private final TrainingOptions options;
    private final PrintWriter log;
    private final GracefulStop stop;
    /** Steps skipped for non-finite gradients in this run. */
    private int skipped;

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
        say("== %s TrainTranslator %s", Instant.now(), String.join(" ", args));
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
            TokenBatches.Example example = TokenBatches.Example.of(tokenizer.encode(train.sources().get(i)),
                    tokenizer.encode(train.targets().get(i)));
            int[] src = example.source();
            int[] tgt = example.target();
            if (src.length <= options.maxTrainLength() && tgt.length - 1 <= options.maxTrainLength()
                    && src.length > 1 && tgt.length > 2) {
                examples.add(example);
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
        config.save(out.resolve(TranslationModel.CONFIG));
        say("model: %s on %s, %d threads", config, device, options.threads());

        try (NDManager manager = NDManager.newBaseManager(device, "PyTorch")) {
            TranslationTransformer model = new TranslationTransformer(config);
            model.initialize(manager, DataType.FLOAT32, new Shape(1, 1), new Shape(1, 1));
            List<Parameter> parameters = model.getParameters().stream().map(Pair::getValue).toList();
            long count = parameters.stream().mapToLong(p -> p.getArray().size()).sum();
            say("parameters: %,d", count);
            try (AdamOptimizer adam = new AdamOptimizer(parameters, manager, 0.9f, 0.98f, 1e-9f)) {
                train(new Trainee(model, tokenizer, adam, manager), examples, new Validation(validation, heldOut));
            }
        }
    }

    private BpeTokenizer vocabulary(Path out) throws IOException {
        Path saved = out.resolve(TranslationModel.VOCABULARY);
        if (Files.exists(saved)) {
            say("vocabulary: %s (kept from an earlier run)", saved);
            return BpeTokenizer.load(saved);
        }
        Path given = options.vocabulary() != null ? options.vocabulary()
                : options.initializeFrom() != null ? options.initializeFrom().resolve(TranslationModel.VOCABULARY)
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

    /** What one run trains and with what: the model, its vocabulary, its optimizer and the arrays' manager. */
    private record Trainee(TranslationTransformer model, BpeTokenizer tokenizer, AdamOptimizer adam,
            NDManager manager) {}

    private void train(Trainee trainee, List<TokenBatches.Example> examples, Validation validation)
            throws IOException {
        Path out = options.output();
        Path last = out.resolve("last");
        Path best = out.resolve("best");
        TrainingProgress progress = TrainingProgress.read(last);
        if (progress.step() > 0) {
            TranslationModel.loadParametersInto(trainee.model(), trainee.manager(),
                    last.resolve(TranslationModel.PARAMETERS));
            trainee.adam().load(last.resolve("adam.state"), progress.step());
            say("resumed: epoch %d, batch %d, step %d, best BLEU %.2f", progress.epoch(), progress.batch(),
                    progress.step(), progress.bestBleu());
        } else if (options.initializeFrom() != null) {
            TranslationModel.loadParametersInto(trainee.model(), trainee.manager(),
                    options.initializeFrom().resolve(TranslationModel.PARAMETERS));
            say("initialised from %s", options.initializeFrom());
        }
        int batchesPerEpoch = TokenBatches.make(examples, options.maxTokens(), new Random(options.seed())).size();
        LearningRateSchedule schedule = new LearningRateSchedule(options.learningRate(), options.warmupSteps(),
                options.schedule().equals("cosine"), batchesPerEpoch * options.epochs());
        LabelSmoothedLoss lossFunction = new LabelSmoothedLoss(options.labelSmoothing());
        long runStart = System.nanoTime();
        CheckpointPolicy policy = new CheckpointPolicy(stop::requested, options.timeLimitMinutes(),
                options.checkpointMinutes(), runStart);
        EpochEnd epochEnd = new EpochEnd(last, options.keepEpochs(), progress.bestBleu());
        CheckpointPolicy.Action ended = CheckpointPolicy.Action.CONTINUE;
        for (int epoch = progress.epoch(), firstBatch = progress.batch();
                epoch < options.epochs() && ended == CheckpointPolicy.Action.CONTINUE; epoch++, firstBatch = 0) {
            List<List<TokenBatches.Example>> batches = TokenBatches.make(examples, options.maxTokens(),
                    new Random(options.seed() * 1_000_003L + epoch));
            ended = trainEpoch(trainee, batches, epoch, firstBatch, schedule, lossFunction, policy, epochEnd,
                    runStart);
            if (ended == CheckpointPolicy.Action.STOP) {
                say("stopped after %s; resume with the same command", duration((System.nanoTime() - runStart) / 1e9));
                return;
            }
            endEpoch(trainee, validation, epochEnd, best, epoch, ended != CheckpointPolicy.Action.TIME_UP);
        }
        say("done after %s; best validation BLEU %.2f in %s", duration((System.nanoTime() - runStart) / 1e9),
                epochEnd.bestBleu(), best);
        if (Files.exists(best.resolve(TranslationModel.PARAMETERS))) {
            exportHalf(best, out.resolve("model"));
        }
    }

    /**
     * Trains on the epoch's batches from {@code firstBatch}, with checkpoints as the policy says: {@code CONTINUE}
     * when the epoch is done, else {@code STOP} or {@code TIME_UP}, each after its checkpoint.
     */
    private CheckpointPolicy.Action trainEpoch(Trainee trainee, List<List<TokenBatches.Example>> batches, int epoch,
            int firstBatch, LearningRateSchedule schedule, LabelSmoothedLoss lossFunction, CheckpointPolicy policy,
            EpochEnd epochEnd, long runStart) throws IOException {
        AdamOptimizer adam = trainee.adam();
        ProgressLine progress = new ProgressLine(options.logEvery(), batches.size(), System.nanoTime());
        for (int b = firstBatch; b < batches.size(); b++) {
            float lr = schedule.at(adam.steps() + 1);
            step(trainee, batches.get(b), lr, lossFunction, progress, epoch, b);
            progress.batchDone(epoch, b, adam.steps(), lr, System.nanoTime(), runStart)
                    .ifPresent(line -> say("%s", line));
            CheckpointPolicy.Action action = policy.afterBatch(System.nanoTime());
            if (action == CheckpointPolicy.Action.STOP) {
                say("stop requested (SIGTERM or Ctrl-C): saving a checkpoint; run the same command to resume");
            } else if (action == CheckpointPolicy.Action.TIME_UP) {
                say("time limit of %.1f minutes reached", options.timeLimitMinutes());
            }
            if (action != CheckpointPolicy.Action.CONTINUE) {
                checkpoint(trainee.model(), adam, options.output().resolve("last"),
                        new TrainingProgress(epoch, b + 1, adam.steps(), epochEnd.bestBleu()));
            }
            if (action == CheckpointPolicy.Action.STOP || action == CheckpointPolicy.Action.TIME_UP) {
                return action;
            }
        }
        return CheckpointPolicy.Action.CONTINUE;
    }

    /** One forward pass, backward pass and optimizer step; a step with non-finite gradients is skipped. */
    private void step(Trainee trainee, List<TokenBatches.Example> batch, float lr, LabelSmoothedLoss lossFunction,
            ProgressLine progress, int epoch, int b) {
        try (NDManager scratch = trainee.manager().newSubManager()) {
            NDArray[] arrays = TokenBatches.arrays(batch, scratch);
            NDArray lossSum;
            long tokens;
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray logits = trainee.model().forward(new ParameterStore(scratch, false),
                        new NDList(arrays[0], arrays[1]), true).singletonOrThrow();
                lossSum = lossFunction.sum(logits, arrays[2]);
                tokens = arrays[2].neq(0).sum().getLong();
                collector.backward(lossSum.div(tokens));
                progress.counted(tokens, tokens + arrays[0].neq(0).sum().getLong());
            }
            float batchLoss = lossSum.getFloat();
            if (trainee.adam().step(lr, options.clipNorm(), scratch)) {
                progress.stepped(batchLoss);
            } else {
                skipped++;
                progress.skipped(tokens);
                say("skipped batch %d of epoch %d: non-finite gradients (loss %s); %d skipped so far", b + 1,
                        epoch + 1, batchLoss, skipped);
            }
        }
    }

    /** Validates, keeps a new best model, saves the checkpoint to resume from and keeps a finished epoch's weights. */
    private void endEpoch(Trainee trainee, Validation validation, EpochEnd epochEnd, Path best, int epoch,
            boolean finished) throws IOException {
        long validationStart = System.nanoTime();
        BleuScore bleu = validate(trainee, validation.multi30k());
        say("epoch %d validation (%d pairs, beam %d, %.0f s): %s", epoch + 1, validation.multi30k().size(),
                options.validationBeam(), (System.nanoTime() - validationStart) / 1e9, bleu);
        if (validation.tatoeba() != null) {
            say("epoch %d held-out Tatoeba (%d pairs): %s", epoch + 1, validation.tatoeba().size(),
                    validate(trainee, validation.tatoeba()));
        }
        if (epochEnd.newBest(bleu.score())) {
            TranslationModel.save(trainee.model(), trainee.tokenizer(), best, false);
            Files.writeString(best.resolve("bleu.txt"), String.format(Locale.ROOT,
                    "epoch %d step %d val %s%n", epoch + 1, trainee.adam().steps(), bleu));
            say("new best model: %s (BLEU %.2f)", best, epochEnd.bestBleu());
        }
        checkpoint(trainee.model(), trainee.adam(), options.output().resolve("last"),
                epochEnd.progress(epoch, finished, trainee.adam().steps()));
        if (finished) {
            epochEnd.keepWeights(epoch + 1);
        }
    }

    /** The best checkpoint as a compact fp16 model directory, the form that ships. */
    private void exportHalf(Path best, Path target) throws IOException {
        try (TranslationModel loaded = TranslationModel.load(best, Device.cpu())) {
            TranslationModel.save(loaded.model(), loaded.tokenizer(), target, true);
        }
        Files.copy(best.resolve("bleu.txt"), target.resolve("bleu.txt"), StandardCopyOption.REPLACE_EXISTING);
        say("exported %s as fp16: %s (%,d bytes)", best, target,
                Files.size(target.resolve(TranslationModel.PARAMETERS)));
    }

    private BleuScore validate(Trainee trainee, ParallelCorpus validation) {
        TranslationModel translator = new TranslationModel(trainee.model(), trainee.tokenizer(),
                trainee.manager());
        List<String> hypotheses = translator.translate(validation.sources(),
                new SearchOptions(options.validationBeam(), options.validationBeam() == 1 ? 0 : 1.0,
                        options.maxPositions()), 64);
        return Bleu.corpus(hypotheses, validation.targets());
    }

    private void checkpoint(TranslationTransformer model, AdamOptimizer adam, Path last, TrainingProgress progress)
            throws IOException {
        long start = System.nanoTime();
        Files.createDirectories(last);
        TranslationModel.saveParameters(model, last.resolve(TranslationModel.PARAMETERS), false);
        Path partial = last.resolve("adam.state.partial");
        adam.save(partial);
        Files.move(partial, last.resolve("adam.state"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        progress.write(last);
        say("checkpoint: %s (epoch %d, batch %d, step %d) in %.1f s", last, progress.epoch() + 1, progress.batch(),
                progress.step(), (System.nanoTime() - start) / 1e9);
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
