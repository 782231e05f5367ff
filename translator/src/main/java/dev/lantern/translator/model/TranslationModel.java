package dev.lantern.translator.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;
import dev.lantern.shared.generation.BeamSearch;
import dev.lantern.shared.generation.BoundaryTokens;
import dev.lantern.shared.generation.GreedySearch;
import dev.lantern.shared.generation.Hypothesis;
import dev.lantern.shared.generation.SearchOptions;
import dev.lantern.shared.generation.SequenceSearch;
import dev.lantern.translator.text.BpeTokenizer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One trained translation direction: tokenizer, Transformer and search, from plain sentences to plain sentences.
 * This is the seam a translation service builds on (sentence splitting, language detection and HTTP stay out).
 * A model directory holds {@value #CONFIG}, {@value #VOCABULARY} and {@value #PARAMETERS}.
 */
public final class TranslationModel implements AutoCloseable {

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
    public TranslationModel(TranslationTransformer model, BpeTokenizer tokenizer, NDManager manager) {
        this(model, tokenizer, manager, false);
    }

    private TranslationModel(TranslationTransformer model, BpeTokenizer tokenizer, NDManager manager,
            boolean ownsManager) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.manager = manager;
        this.ownsManager = ownsManager;
        this.seq2seq = new TransformerEncoderDecoder(model, BOUNDARY);
    }

    /** Loads a model directory onto {@code device}; weights stored as fp16 are widened to fp32. */
    public static TranslationModel load(Path dir, Device device) throws IOException {
        TransformerConfig config = TransformerConfig.load(dir.resolve(CONFIG));
        BpeTokenizer tokenizer = BpeTokenizer.load(dir.resolve(VOCABULARY));
        if (tokenizer.vocabularySize() != config.vocabularySize()) {
            throw new IOException(dir + ": vocabulary has " + tokenizer.vocabularySize() + " tokens, model "
                    + config.vocabularySize());
        }
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        try {
            TranslationTransformer model = new TranslationTransformer(config);
            // the file overwrites every weight, so zeros instead of training's random start (which took 0.4 s of
            // each pair's load at the translator's start)
            model.setInitializer(Initializer.ZEROS, parameter -> true);
            model.initialize(manager, DataType.FLOAT32, new Shape(1, 1), new Shape(1, 1));
            loadParameters(model, manager, dir.resolve(PARAMETERS));
            return new TranslationModel(model, tokenizer, manager, true);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Loads saved weights into an initialised model; its parameters stay the same objects (and trainable). */
    public static void loadParametersInto(TranslationTransformer model, NDManager manager, Path file)
            throws IOException {
        loadParameters(model, manager, file);
    }

    /**
     * Copies the arrays of a parameter file into the model's parameters in place, widening fp16 to fp32. The file
     * is an encoded {@link NDList} of every parameter in the block's order, each named by its path in the block.
     */
    static void loadParameters(TranslationTransformer model, NDManager manager, Path file) throws IOException {
        ParameterList parameters = model.getParameters();
        try (NoGrad noGrad = NoGrad.start();
                NDManager scratch = manager.newSubManager();
                InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            // streamed array by array: the whole file as one byte[] (15 MB per pair) made the start-up GC-bound
            NDList arrays = NDList.decode(scratch, in);
            if (arrays.size() != parameters.size()) {
                throw new IOException(file + " holds " + arrays.size() + " arrays, the model has "
                        + parameters.size() + " parameters");
            }
            for (int i = 0; i < arrays.size(); i++) {
                NDArray saved = arrays.get(i);
                NDArray target = parameters.get(i).getValue().getArray();
                String name = parameters.get(i).getKey();
                if (saved.getName() != null && !saved.getName().equals(name)
                        || !saved.getShape().equals(target.getShape())) {
                    throw new IOException(file + ": array " + i + " is " + saved.getName() + " " + saved.getShape()
                            + ", the model expects " + name + " " + target.getShape());
                }
                // in-place arithmetic, not copyTo: DJL's copyTo makes the tensor alias a Java buffer
                target.muli(0).addi(saved.toType(target.getDataType(), false).toDevice(target.getDevice(), false));
            }
        }
    }

    /** Writes the model directory; {@code half} stores the weights as fp16 (half the size). */
    public static void save(TranslationTransformer model, BpeTokenizer tokenizer, Path dir, boolean half)
            throws IOException {
        Files.createDirectories(dir);
        model.config().save(dir.resolve(CONFIG));
        tokenizer.save(dir.resolve(VOCABULARY));
        saveParameters(model, dir.resolve(PARAMETERS), half);
    }

    /** Writes every parameter (fp16 copies when {@code half}) to a file, then renames it into place. */
    public static void saveParameters(TranslationTransformer model, Path file, boolean half) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        ParameterList parameters = model.getParameters();
        NDManager owner = parameters.get(0).getValue().getArray().getManager();
        try (NDManager scratch = owner.newSubManager()) {
            NDList arrays = new NDList();
            for (Pair<String, Parameter> parameter : parameters) {
                NDArray array = parameter.getValue().getArray();
                NDArray copy = array.toDevice(Device.cpu(), true)
                        .toType(half ? DataType.FLOAT16 : array.getDataType(), true);
                copy.attach(scratch);
                copy.setName(parameter.getKey());
                arrays.add(copy);
            }
            Files.write(partial, arrays.encode());
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
        return translateScored(sentences, options, batchSize).stream().map(SentenceTranslation::text).toList();
    }

    /** As {@link #translate}, with each translation's mean log-probability per token. */
    public List<SentenceTranslation> translateScored(List<String> sentences, SearchOptions options, int batchSize) {
        int[][] sources = new int[sentences.size()][];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = sourceIds(sentences.get(i));
        }
        Integer[] order = new Integer[sources.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> sources[i].length));
        SentenceTranslation[] out = new SentenceTranslation[sources.length];
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
            SearchOptions fitted = options.withMaxLength(maxLength);
            SequenceSearch search = options.beamSize() == 1 ? new GreedySearch(fitted) : new BeamSearch(fitted);
            List<Hypothesis> best = search.best(seq2seq, manager, batch);
            for (int i = start; i < end; i++) {
                Hypothesis hypothesis = best.get(i - start);
                int generated = Math.max(1, hypothesis.tokens().length + (hypothesis.endedWithEos() ? 1 : 0));
                out[order[i]] = new SentenceTranslation(tokenizer.decode(hypothesis.tokens()),
                        hypothesis.logProbability() / generated);
            }
        }
        return Arrays.asList(out);
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
