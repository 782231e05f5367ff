package dev.lantern.translator.serving;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import dev.lantern.shared.error.ModelUnavailableException;
import dev.lantern.shared.generation.SearchOptions;
import dev.lantern.shared.serving.BatchingOptions;
import dev.lantern.shared.serving.DynamicBatcher;
import dev.lantern.shared.serving.Inference;
import dev.lantern.translator.LanguagePair;
import dev.lantern.translator.model.SentenceTranslation;
import dev.lantern.translator.model.TranslationConfidence;
import dev.lantern.translator.model.TranslationModel;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * One language pair being served: a bounded queue of requests and worker threads, each with its own copy of the
 * model (a {@link TranslationModel} is not thread-safe). A request is the list of its sentences; requests that
 * wait together are decoded as one batch.
 */
public final class ServedPair implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ServedPair.class);
    private static final List<String> WARM_UP = List.of("A man is riding a bike.", "Two dogs play in the snow.");

    private final String name;
    private final List<TranslationModel> copies;
    private final DynamicBatcher<List<String>, List<SentenceTranslation>> batcher;
    private final TranslationConfidence confidence;

    private ServedPair(String name, List<TranslationModel> copies,
            DynamicBatcher<List<String>, List<SentenceTranslation>> batcher, TranslationConfidence confidence) {
        this.name = name;
        this.copies = copies;
        this.batcher = batcher;
        this.confidence = confidence;
    }

    /**
     * Loads {@code batching.workers()} copies of the model in {@code dir} onto {@code device} and warms each up.
     *
     * @throws ModelUnavailableException when the folder does not hold a loadable model
     */
    public static ServedPair load(LanguagePair pair, Path dir, Device device, SearchOptions search,
            int sentencesPerBatch, BatchingOptions batching, MeterRegistry registry) {
        String name = "lantern-transformer-" + pair.id();
        List<TranslationModel> copies = new ArrayList<>();
        try {
            inferenceOnly();
            long start = System.nanoTime();
            TranslationConfidence confidence = TranslationConfidence.load(dir);
            List<DynamicBatcher.BatchFunction<List<String>, List<SentenceTranslation>>> workers = new ArrayList<>();
            for (int i = 0; i < batching.workers(); i++) {
                TranslationModel copy = TranslationModel.load(dir, device);
                copies.add(copy);
                copy.translate(WARM_UP, search, sentencesPerBatch);
                workers.add(requests -> translateAll(copy, requests, search, sentencesPerBatch));
            }
            LOG.infof("Loaded model %s from %s on PyTorch (%s) and warmed it up in %.0f ms; %d worker(s); confidence:"
                    + " %s", name, dir, device, (System.nanoTime() - start) / 1e6, batching.workers(), confidence);
            return new ServedPair(name, copies, new DynamicBatcher<>(name, batching, workers, registry),
                    confidence);
        } catch (IOException | RuntimeException e) {
            copies.forEach(TranslationModel::close);
            throw new ModelUnavailableException("The " + pair.id() + " translation model in " + dir
                    + " cannot be loaded: " + e.getMessage(), e);
        }
    }

    /** The sentences of every request in one call (the translator batches them by length), handed back per request. */
    private static List<List<SentenceTranslation>> translateAll(TranslationModel copy,
            List<List<String>> requests, SearchOptions search, int sentencesPerBatch) {
        inferenceOnly();
        List<String> all = new ArrayList<>();
        requests.forEach(all::addAll);
        List<SentenceTranslation> translated = copy.translateScored(all, search, sentencesPerBatch);
        List<List<SentenceTranslation>> out = new ArrayList<>(requests.size());
        int at = 0;
        for (List<String> request : requests) {
            out.add(translated.subList(at, at + request.size()));
            at += request.size();
        }
        return out;
    }

    /**
     * Turns PyTorch's autograd off for the calling thread. Its grad mode is per thread and DJL turns it off only on
     * the thread that started the engine; on any other (this loader, the workers) every operation on the weights
     * would record a graph for a backward pass that never comes, and in-place writes to the weights would fail.
     */
    private static void inferenceOnly() {
        Engine.getEngine("PyTorch"); // loads the native library that JniUtils calls into, if nothing did yet
        if (JniUtils.isGradMode()) {
            JniUtils.setGradMode(false);
        }
    }

    /** Queues the sentences of one request; the future fails with {@code BusyException} when the queue is full. */
    public CompletableFuture<Inference<List<SentenceTranslation>>> translate(List<String> sentences) {
        return batcher.submit(sentences);
    }

    /** How this model's mean log-probabilities read as confidences. */
    public TranslationConfidence confidence() {
        return confidence;
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        batcher.close();
        copies.forEach(TranslationModel::close);
    }
}
