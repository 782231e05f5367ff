package dev.lantern.shared.serving;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import dev.lantern.shared.engine.DjlEnvironment;
import dev.lantern.shared.engine.ModelFormat;
import dev.lantern.shared.error.ModelUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * A loaded model behind a dynamic batcher: callers submit one input and get a future output. It owns its DJL model
 * and predictors (one per worker thread, since predictors are not thread-safe); nobody else sees them.
 */
public final class ServedModel<I, O> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ServedModel.class);

    static {
        DjlEnvironment.lockDown();
    }

    private final ModelDefinition definition;
    private final ZooModel<I, O> model;
    private final List<Predictor<I, O>> predictors;
    private final DynamicBatcher<I, O> batcher;
    private final String device;

    private ServedModel(ModelDefinition definition, ZooModel<I, O> model, List<Predictor<I, O>> predictors,
            DynamicBatcher<I, O> batcher) {
        this.definition = definition;
        this.model = model;
        this.predictors = predictors;
        this.batcher = batcher;
        this.device = model.getNDManager().getDevice().getDeviceType();
    }

    /**
     * Loads the model on the engine that its format needs, runs {@code warmUpSample} through it once (the engine's
     * first-run set-up: readiness waits for it), then starts the batching workers, the first of which runs a full
     * batch of the sample before any request, so that first requests are not slow.
     *
     * @throws ModelUnavailableException when the engine cannot load the file
     */
    public static <I, O> ServedModel<I, O> load(ModelDefinition definition, Class<I> input, Class<O> output,
            Translator<I, O> translator, BatchingOptions batching, MeterRegistry registry, I warmUpSample) {
        String engineName = definition.format().engineName();
        ZooModel<I, O> model = null;
        List<Predictor<I, O>> predictors = new ArrayList<>();
        if (!Engine.hasEngine(engineName)) {
            throw new ModelUnavailableException("Model " + definition.name() + " (" + definition.file() + ") needs the "
                    + engineName + " engine, which this app was built without: serve it from the suite (apps/), or add"
                    + " the engine's dependency to this app's pom.xml and rebuild.");
        }
        try {
            Device device = definition.device().resolve(Engine.getEngine(engineName));
            Criteria.Builder<I, O> criteria = Criteria.builder()
                    .setTypes(input, output)
                    .optModelPath(definition.file())
                    .optEngine(engineName)
                    .optDevice(device)
                    .optTranslator(translator);
            long start = System.nanoTime();
            // ONNX Runtime's classes are loaded only for an ONNX model: the translator's app has PyTorch alone
            try (OrtSessionSettings ort = definition.format() == ModelFormat.ONNX ? OrtSessionSettings.of(definition)
                    : null) {
                criteria.optOptions(loadOptions(ort == null ? definition : ort.definition()));
                model = criteria.build().loadModel();
            }
            for (int i = 0; i < batching.workers(); i++) {
                predictors.add(model.newPredictor());
            }
            double loadMillis = (System.nanoTime() - start) / 1e6;
            predictors.get(0).predict(warmUpSample);
            List<DynamicBatcher.BatchFunction<I, O>> workers = new ArrayList<>();
            predictors.forEach(p -> workers.add(p::batchPredict));
            // the predictors share one native model, whose first run at each batch shape is the slow one: one warms all
            List<I> fullBatch = batching.maxBatchSize() > 1
                    ? Collections.nCopies(batching.maxBatchSize(), warmUpSample) : List.of();
            DynamicBatcher<I, O> batcher = new DynamicBatcher<>(definition.name(), batching, workers, registry,
                    fullBatch);
            LOG.infof("Loaded model %s from %s on %s (%s) in %.0f ms, warmed up in %.0f ms;"
                    + " batches of up to %d, %d worker(s)", definition.name(), definition.file(), engineName, device,
                    loadMillis, (System.nanoTime() - start) / 1e6 - loadMillis, batching.maxBatchSize(),
                    batching.workers());
            return new ServedModel<>(definition, model, predictors, batcher);
        } catch (ModelNotFoundException | MalformedModelException | IOException | TranslateException
                | RuntimeException e) {
            predictors.forEach(Predictor::close);
            if (model != null) {
                model.close();
            }
            if (e instanceof ModelUnavailableException unavailable) {
                throw unavailable;
            }
            throw new ModelUnavailableException("Model " + definition.name() + " (" + definition.file()
                    + ") could not be loaded by " + engineName + ": " + e.getMessage(), e);
        }
    }

    /**
     * DJL types the load options as strings, but hands them to the engine's {@code Model.load} as they are, and ONNX
     * Runtime takes its session settings there as an object.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, String> loadOptions(ModelDefinition definition) {
        return (Map<String, String>) (Map<String, ?>) definition.engineOptions();
    }

    public CompletableFuture<Inference<O>> submit(I input) {
        return batcher.submit(input);
    }

    public String name() {
        return definition.name();
    }

    public String engine() {
        return model.getNDManager().getEngine().getEngineName();
    }

    /** "cpu" or "gpu". */
    public String device() {
        return device;
    }

    @Override
    public void close() {
        batcher.close();
        predictors.forEach(Predictor::close);
        model.close();
    }
}
