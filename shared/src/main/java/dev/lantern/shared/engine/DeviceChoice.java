package dev.lantern.shared.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.lantern.shared.error.ModelUnavailableException;
import java.util.Locale;

/** Which device a model runs on: {@code auto} takes a GPU when the engine sees one. */
public enum DeviceChoice {
    AUTO,
    CPU,
    GPU;

    public static DeviceChoice parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("device must be auto, cpu or gpu, not '" + text + "'", e);
        }
    }

    public Device resolve(Engine engine) {
        int gpus = engine.getGpuCount();
        return switch (this) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new ModelUnavailableException("device=gpu was asked for, but the " + engine.getEngineName()
                            + " engine sees no GPU. Build with the 'gpu' Maven profile on a machine with an NVIDIA"
                            + " driver, or set the device to auto or cpu.");
                }
                yield Device.gpu();
            }
        };
    }
}
