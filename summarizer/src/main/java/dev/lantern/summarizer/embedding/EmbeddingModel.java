package dev.lantern.summarizer.embedding;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.lantern.shared.engine.DjlEnvironment;
import dev.lantern.shared.error.ModelUnavailableException;
import dev.lantern.shared.model.BundledFile;
import dev.lantern.shared.serving.BatchingOptions;
import dev.lantern.shared.serving.Inference;
import dev.lantern.shared.serving.ModelDefinition;
import dev.lantern.shared.serving.ServedModel;
import dev.lantern.summarizer.SummarizerConfig;
import dev.lantern.summarizer.translator.Embeddings;
import dev.lantern.summarizer.translator.SentenceChunk;
import dev.lantern.summarizer.translator.SentenceEmbeddingTranslator;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A loaded sentence-embedding model: all-MiniLM-L6-v2 as ONNX with its Hugging Face tokenizer. Both come as resources
 * of a Maven Central jar, so the model works offline from the repository alone; they are copied once into the model
 * cache because DJL loads models from files. Plain Java, so the app, the evaluation and the benchmark load it alike.
 */
public final class EmbeddingModel implements AutoCloseable {

    private final ServedModel<SentenceChunk, Embeddings> served;
    private final HuggingFaceTokenizer tokenizer;
    private final int sentencesPerPass;

    private EmbeddingModel(ServedModel<SentenceChunk, Embeddings> served, HuggingFaceTokenizer tokenizer,
            int sentencesPerPass) {
        this.served = served;
        this.tokenizer = tokenizer;
        this.sentencesPerPass = sentencesPerPass;
    }

    /**
     * Copies the model out of its jar into {@code cacheDir} (once), loads it on ONNX Runtime and warms it up.
     *
     * @throws ModelUnavailableException when the resources are missing or the model cannot be loaded
     */
    public static EmbeddingModel load(SummarizerConfig config, Path cacheDir, MeterRegistry registry) {
        DjlEnvironment.lockDown(); // before the tokenizer's native library loads
        String name = config.model().resource();
        Path onnx = extract(name + ".onnx", cacheDir);
        Path tokenizerJson = extract(name + "-tokenizer.json", cacheDir);
        HuggingFaceTokenizer tokenizer;
        try {
            tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(tokenizerJson)
                    .optMaxLength(config.model().maxTokens())
                    .optTruncation(true)
                    .optPadding(false)
                    .build();
        } catch (IOException | RuntimeException e) {
            throw new ModelUnavailableException("Tokenizer " + tokenizerJson + " cannot be loaded: " + e.getMessage(),
                    e);
        }
        try {
            SummarizerConfig.Batching batching = config.batching();
            ModelDefinition definition = ModelDefinition.sharingCores(name, onnx, config.device(),
                    config.model().threads(), batching.workers());
            SentenceChunk warmUp = new SentenceChunk(List.of("A short sentence to warm the model up.",
                    "Another, somewhat longer sentence, so that the chunk needs padding before the pass."));
            ServedModel<SentenceChunk, Embeddings> served = ServedModel.load(definition, SentenceChunk.class,
                    Embeddings.class, new SentenceEmbeddingTranslator(tokenizer),
                    // a chunk is already a batch of sentences: one chunk per forward pass
                    new BatchingOptions(1, Duration.ZERO, batching.queueCapacity(), batching.workers()),
                    registry, warmUp);
            return new EmbeddingModel(served, tokenizer, batching.sentencesPerPass());
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    /** Copies classpath resource {@code name} to {@code dir}, unless an identical copy is there already. */
    static Path extract(String name, Path dir) {
        URL resource = EmbeddingModel.class.getResource("/" + name);
        if (resource == null) {
            throw new ModelUnavailableException("Model resource " + name + " is not on the classpath: the jar"
                    + " dev.langchain4j:langchain4j-embeddings-" + name.replaceFirst("(-tokenizer)?\\.[a-z]+$", "")
                    + " is missing.");
        }
        try {
            return BundledFile.copy(resource, dir.resolve(name));
        } catch (IOException e) {
            throw new ModelUnavailableException("Model resource " + name + " cannot be copied to " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Embeds sentences, in chunks of similar length (less padding), each chunk a forward pass. The answer keeps the
     * order of {@code sentences}.
     */
    public CompletableFuture<Embedded> embed(List<String> sentences) {
        Integer[] order = new Integer[sentences.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> sentences.get(i).length()));
        List<int[]> chunks = new ArrayList<>();
        List<CompletableFuture<Inference<Embeddings>>> passes = new ArrayList<>();
        for (int from = 0; from < order.length; from += sentencesPerPass) {
            int to = Math.min(order.length, from + sentencesPerPass);
            int[] members = new int[to - from];
            List<String> texts = new ArrayList<>(members.length);
            for (int k = 0; k < members.length; k++) {
                members[k] = order[from + k];
                texts.add(sentences.get(members[k]));
            }
            chunks.add(members);
            passes.add(served.submit(new SentenceChunk(texts)));
        }
        return CompletableFuture.allOf(passes.toArray(CompletableFuture[]::new)).thenApply(done -> {
            float[][] vectors = new float[sentences.size()][];
            for (int c = 0; c < chunks.size(); c++) {
                float[][] chunkVectors = passes.get(c).join().output().vectors();
                int[] members = chunks.get(c);
                for (int k = 0; k < members.length; k++) {
                    vectors[members[k]] = chunkVectors[k];
                }
            }
            return new Embedded(vectors, chunks.size());
        });
    }

    public String name() {
        return served.name();
    }

    @Override
    public void close() {
        served.close();
        tokenizer.close();
    }

    /** The vectors of a call to {@link #embed} and how many forward passes it took. */
    public record Embedded(float[][] vectors, int passes) {}
}
