package dev.lantern.shared.serving;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.lantern.shared.error.ModelUnavailableException;

/**
 * The ONNX Runtime session settings of every model Lantern serves: the app's own ({@code sessionOptions} in the
 * definition) or new ones, with ONNX Runtime's CPU arena off. The arena keeps the tensors of the largest batch it
 * ever ran (the full warm-up batch) for good; without it they come from malloc, whose free pages go back to the
 * system when the batcher is idle ({@link dev.lantern.shared.engine.NativeHeap}). MobileNetV2 after 40 runs of
 * batches of 1 and 8, then a trim: 47 MB of native memory above the new session against 67 MB with the arena, in the
 * same time (490 ms). Close it once the session is made: ONNX Runtime keeps its own copy.
 */
final class OrtSessionSettings implements AutoCloseable {

    private final ModelDefinition definition;
    private final OrtSession.SessionOptions created;

    private OrtSessionSettings(ModelDefinition definition, OrtSession.SessionOptions created) {
        this.definition = definition;
        this.created = created;
    }

    /** The settings of an ONNX model's {@code definition}, and the definition that carries them. */
    static OrtSessionSettings of(ModelDefinition definition) {
        OrtSession.SessionOptions created = null;
        OrtSession.SessionOptions options;
        if (definition.engineOptions().get("sessionOptions") instanceof OrtSession.SessionOptions given) {
            options = given;
        } else {
            created = new OrtSession.SessionOptions();
            options = created;
        }
        try {
            options.setCPUArenaAllocator(false);
        } catch (OrtException e) {
            if (created != null) {
                created.close();
            }
            throw new ModelUnavailableException("ONNX Runtime refused a session setting: " + e.getMessage(), e);
        }
        return new OrtSessionSettings(definition.withEngineOption("sessionOptions", options), created);
    }

    ModelDefinition definition() {
        return definition;
    }

    @Override
    public void close() {
        if (created != null) {
            created.close();
        }
    }
}
