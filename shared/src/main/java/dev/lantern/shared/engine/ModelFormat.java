package dev.lantern.shared.engine;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats Lantern loads, each with the DJL engine that runs it. */
public enum ModelFormat {
    ONNX("OnnxRuntime"),
    TORCHSCRIPT("PyTorch");

    private final String engineName;

    ModelFormat(String engineName) {
        this.engineName = engineName;
    }

    public String engineName() {
        return engineName;
    }

    public static ModelFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".onnx")) {
            return ONNX;
        }
        if (name.endsWith(".pt") || name.endsWith(".pth") || name.endsWith(".torchscript")) {
            return TORCHSCRIPT;
        }
        throw new IllegalArgumentException("cannot tell the format of " + name
                + ": Lantern loads ONNX (.onnx) and TorchScript (.pt, .torchscript) files");
    }
}
