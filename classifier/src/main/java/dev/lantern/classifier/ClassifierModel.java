package dev.lantern.classifier;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.lantern.classifier.translator.ClassProbabilities;
import dev.lantern.classifier.translator.ClassifierTranslator;
import dev.lantern.shared.engine.ModelFormat;
import dev.lantern.shared.error.ModelUnavailableException;
import dev.lantern.shared.image.ImagePreprocessing;
import dev.lantern.shared.model.LabelList;
import dev.lantern.shared.model.ModelStore;
import dev.lantern.shared.model.RemoteFile;
import dev.lantern.shared.serving.BatchingOptions;
import dev.lantern.shared.serving.ModelDefinition;
import dev.lantern.shared.serving.ServedModel;
import io.micrometer.core.instrument.MeterRegistry;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A loaded image classifier: the served model with its labels, built from {@link ClassifierConfig}. Plain Java, so
 * the app, the tests and the benchmark all load it the same way.
 */
public final class ClassifierModel implements AutoCloseable {

    private final ServedModel<BufferedImage, ClassProbabilities> served;
    private final List<String> labels;

    private ClassifierModel(ServedModel<BufferedImage, ClassProbabilities> served, List<String> labels) {
        this.served = served;
        this.labels = labels;
    }

    /**
     * Resolves the model and label files, loads the model on its engine and warms it up.
     *
     * @throws ModelUnavailableException when a file is missing or the model cannot be loaded
     */
    public static ClassifierModel load(ClassifierConfig config, ModelStore store, MeterRegistry registry) {
        List<Path> files = store.resolveAll(List.of(
                RemoteFile.of(config.model().url(), config.model().sha256(), "lantern.classifier.model.sha256"),
                RemoteFile.of(config.labels().url(), config.labels().sha256(), "lantern.classifier.labels.sha256")));
        Path modelFile = files.get(0);
        Path labelFile = files.get(1);
        List<String> labels;
        try {
            labels = LabelList.read(labelFile);
        } catch (IOException e) {
            throw new ModelUnavailableException("Label file " + labelFile + " cannot be read: " + e.getMessage(), e);
        }
        ImagePreprocessing preprocessing = preprocessing(config.preprocessing());
        ClassifierConfig.Batching batching = config.batching();
        BufferedImage warmUpSample = new BufferedImage(preprocessing.resizeShorter(), preprocessing.resizeShorter(),
                BufferedImage.TYPE_INT_RGB);
        // the session keeps its own copy of these settings: they can be closed once it is made
        try (OrtSession.SessionOptions session = sessionOptions()) {
            ModelDefinition definition = ModelDefinition.sharingCores(config.name(), modelFile, config.device(),
                    config.model().threads(), batching.workers());
            if (definition.format() == ModelFormat.ONNX) {
                definition = definition.withEngineOption("sessionOptions", session);
            }
            ServedModel<BufferedImage, ClassProbabilities> served = ServedModel.load(definition, BufferedImage.class,
                    ClassProbabilities.class,
                    new ClassifierTranslator(preprocessing, labels.size(),
                            config.output() == ClassifierConfig.Output.LOGITS),
                    new BatchingOptions(batching.maxSize(), Duration.ofMillis(batching.maxWaitMs()),
                            batching.queueCapacity(), batching.workers()),
                    registry, warmUpSample);
            return new ClassifierModel(served, List.copyOf(labels));
        }
    }

    /**
     * ONNX Runtime's settings for the classifier's session. Its int8 kernels on x86 CPUs without VNNI (AVX2 only, such
     * as AMD Zen 3) add pairs of products in 16-bit registers that saturate: on such a machine the int8 MobileNetV2
     * named 7 of the 12 test photos right instead of 9. {@code session.x64quantprecision} widens them; no slower there
     * (measured: 12 photos in 687 ms against 726), and on a CPU with VNNI (Intel Xeon) it changes neither the outputs
     * nor the time (3.2-3.5 ms per image, one thread, either way).
     */
    static OrtSession.SessionOptions sessionOptions() {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.addConfigEntry("session.x64quantprecision", "1");
            return options;
        } catch (OrtException e) {
            options.close();
            throw new ModelUnavailableException("ONNX Runtime refused a session setting: " + e.getMessage(), e);
        }
    }

    static ImagePreprocessing preprocessing(ClassifierConfig.Preprocessing p) {
        return new ImagePreprocessing(p.resize(), p.crop(), p.crop(), p.scale(), toArray(p.mean()), toArray(p.std()),
                p.channelOrder(), p.resizeFilter());
    }

    private static float[] toArray(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    /** The {@code topK} most probable labels of a decoded image; {@code decodeNanos} goes into the timings. */
    public CompletableFuture<Classification> classify(BufferedImage image, int topK, long decodeNanos) {
        return served.submit(image).thenApply(inference -> new Classification(served.name(), served.device(),
                top(inference.output(), topK), ClassificationTimings.of(decodeNanos, inference)));
    }

    private List<Prediction> top(ClassProbabilities probabilities, int k) {
        List<Prediction> out = new ArrayList<>(k);
        for (int id : probabilities.top(k)) {
            out.add(new Prediction(labels.get(id), id, probabilities.values()[id]));
        }
        return out;
    }

    public int classes() {
        return labels.size();
    }

    @Override
    public void close() {
        served.close();
    }
}
