package dev.lantern.translator.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.lantern.shared.generation.BeamSearch;
import dev.lantern.shared.generation.BoundaryTokens;
import dev.lantern.shared.generation.GreedySearch;
import dev.lantern.shared.generation.Hypothesis;
import dev.lantern.shared.generation.SearchOptions;
import dev.lantern.shared.generation.SequenceSearch;
import dev.lantern.translator.text.BpeTokenizer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One trained translation direction: tokenizer, Transformer and search, from plain sentences to plain sentences.
 * This is the seam a translation service builds on (sentence splitting, language detection and HTTP stay out).
 * A model directory holds {@value #CONFIG}, {@value #VOCABULARY} and {@value #PARAMETERS}.
 */
public final class SentenceTranslator implements AutoCloseable {

    public static final String CONFIG = "config.properties";
    public static final String VOCABULARY = "bpe.txt";
    public static final String PARAMETERS = "model.params";
    public static final BoundaryTokens BOUNDARY = new BoundaryTokens(BpeTokenizer.BOS, BpeTokenizer.EOS);

    private final TranslationTransformer model;
    private final BpeTokenizer tokenizer;
    private final NDManager manager;
    private final boolean ownsManager;
    private final TransformerEncoderDecoder seq2seq;

    /** Wraps a model that someone else owns (the training loop validating its own model). */
    public SentenceTranslator(TranslationTransformer model, BpeTokenizer tokenizer, NDManager manager) {
        this(model, tokenizer, manager, false);
    }

    private SentenceTranslator(TranslationTransformer model, BpeTokenizer tokenizer, NDManager manager,
            boolean ownsManager) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.manager = manager;
        this.ownsManager = ownsManager;
        this.seq2seq = new TransformerEncoderDecoder(model, BOUNDARY);
    }

    /** Loads a model directory onto {@code device}; weights stored as fp16 are widened to fp32. */
    public static SentenceTranslator load(Path dir, Device device) throws IOException {
        TransformerConfig config = TransformerConfig.load(dir.resolve(CONFIG));
        BpeTokenizer tokenizer = BpeTokenizer.load(dir.resolve(VOCABULARY));
        if (tokenizer.vocabularySize() != config.vocabularySize()) {
            throw new IOException(dir + ": vocabulary has " + tokenizer.vocabularySize() + " tokens, model "
                    + config.vocabularySize());
        }
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        try {
            TranslationTransformer model = new TranslationTransformer(config);
            model.initialize(manager, DataType.FLOAT32, new Shape(1, 1), new Shape(1, 1));
            loadParameters(model, manager, dir.resolve(PARAMETERS));
            return new SentenceTranslator(model, tokenizer, manager, true);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Loads saved weights into an initialised model (resuming training keeps the gradients' arrays). */
    public static void loadParametersInto(TranslationTransformer model, NDManager manager, Path file)
            throws IOException {
        loadParameters(model, manager, file);
        for (var parameter : model.getParameters().values()) {
            parameter.getArray().setRequiresGradient(true);
        }
    }

    static void loadParameters(TranslationTransformer model, NDManager manager, Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            model.loadParameters(manager, in);
        } catch (MalformedModelException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        model.cast(DataType.FLOAT32);
    }

    /** Writes the model directory; {@code half} stores the weights as fp16 (half the size). */
    public static void save(TranslationTransformer model, BpeTokenizer tokenizer, Path dir, boolean half)
            throws IOException {
        Files.createDirectories(dir);
        model.config().save(dir.resolve(CONFIG));
        tokenizer.save(dir.resolve(VOCABULARY));
        saveParameters(model, dir.resolve(PARAMETERS), half);
    }

    public static void saveParameters(TranslationTransformer model, Path file, boolean half) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        if (half) {
            model.cast(DataType.FLOAT16);
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
            model.saveParameters(out);
        } finally {
            if (half) {
                model.cast(DataType.FLOAT32);
            }
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public TranslationTransformer model() {
        return model;
    }

    public BpeTokenizer tokenizer() {
        return tokenizer;
    }

    /**
     * Translates sentences in batches of similar length (at most {@code batchSize} each); the output keeps the
     * input's order. The maximum output length grows with the source: 2 × source tokens + 10, capped by
     * {@code options.maxLength()} and the model's positions.
     */
    public List<String> translate(List<String> sentences, SearchOptions options, int batchSize) {
        int[][] sources = new int[sentences.size()][];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = sourceIds(sentences.get(i));
        }
        Integer[] order = new Integer[sources.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> sources[i].length));
        String[] out = new String[sources.length];
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            int[][] batch = new int[end - start][];
            int longest = 0;
            for (int i = start; i < end; i++) {
                batch[i - start] = sources[order[i]];
                longest = Math.max(longest, batch[i - start].length);
            }
            int maxLength = Math.min(Math.min(options.maxLength(), 2 * longest + 10),
                    model.config().maxPositions());
            SequenceSearch search = options.beamSize() == 1 ? new GreedySearch(maxLength)
                    : new BeamSearch(new SearchOptions(options.beamSize(), options.lengthPenalty(), maxLength));
            List<Hypothesis> best = search.best(seq2seq, manager, batch);
            for (int i = start; i < end; i++) {
                out[order[i]] = tokenizer.decode(best.get(i - start).tokens());
            }
        }
        return new ArrayList<>(Arrays.asList(out));
    }

    /** Source token ids as the model was trained on them: subwords then EOS, cut to the model's positions. */
    public int[] sourceIds(String sentence) {
        int[] ids = tokenizer.encode(sentence);
        int n = Math.min(ids.length, model.config().maxPositions() - 1);
        int[] framed = Arrays.copyOf(ids, n + 1);
        framed[n] = BpeTokenizer.EOS;
        return framed;
    }

    @Override
    public void close() {
        if (ownsManager) {
            manager.close();
        }
    }
}
