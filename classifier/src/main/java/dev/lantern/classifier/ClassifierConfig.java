package dev.lantern.classifier;

import dev.lantern.shared.engine.DeviceChoice;
import dev.lantern.shared.image.ChannelOrder;
import dev.lantern.shared.image.ResizeFilter;
import dev.lantern.shared.runtime.Ranges;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.util.List;

/** The classifier's settings ({@code lantern.classifier.*}); the defaults serve MobileNetV2-int8 on ImageNet-1k. */
@ConfigMapping(prefix = "lantern.classifier")
public interface ClassifierConfig {

    /** Name reported by the API and used in metrics. */
    @WithDefault("mobilenetv2-12-int8")
    String name();

    Model model();

    Labels labels();

    Preprocessing preprocessing();

    /** What the model outputs: {@code logits} (softmax is applied) or {@code probabilities}. */
    @WithDefault("logits")
    Output output();

    /** auto, cpu or gpu. */
    @WithDefault("auto")
    DeviceChoice device();

    Batching batching();

    Images images();

    /** Top-k answered when the request does not say. */
    @WithDefault("5")
    @WithConverter(Ranges.AtLeastOne.class)
    int defaultTopK();

    enum Output {
        LOGITS,
        PROBABILITIES
    }

    interface Model {
        @WithDefault("https://huggingface.co/onnxmodelzoo/mobilenetv2-12-int8/resolve/main/mobilenetv2-12-int8.onnx")
        String url();

        @WithDefault("83530ad811bc31d2b60a5599a21265a5057608c9b044b4ee758cc22f2309f54f")
        String sha256();

        /** ONNX Runtime intra-op threads per forward pass; 0 lets Lantern choose (cores ÷ workers). */
        @WithDefault("0")
        @WithConverter(Ranges.AtLeastZero.class)
        int threads();
    }

    interface Labels {
        @WithDefault("https://raw.githubusercontent.com/anishathalye/imagenet-simple-labels/d752588080eb93bca0ca75257c54423835bcd28f/imagenet-simple-labels.json")
        String url();

        @WithDefault("987705581d9446328498f950454a1cc7d8dfc578a8243d8bfdcd2588a6905aae")
        String sha256();
    }

    interface Preprocessing {
        @WithDefault("256")
        @WithConverter(Ranges.AtLeastOne.class)
        int resize();

        @WithDefault("224")
        @WithConverter(Ranges.AtLeastOne.class)
        int crop();

        @WithDefault("0.00392156862745098")
        @WithConverter(Ranges.PositiveFloat.class)
        float scale();

        @WithDefault("0.485,0.456,0.406")
        @WithConverter(Ranges.FiniteFloat.class)
        List<Float> mean();

        @WithDefault("0.229,0.224,0.225")
        @WithConverter(Ranges.PositiveFloat.class)
        List<Float> std();

        @WithDefault("RGB")
        ChannelOrder channelOrder();

        /**
         * The resize the model was trained with: {@code antialiased-bilinear} (Pillow's bilinear, as torchvision
         * resizes), {@code area} (Pillow's box average) or {@code bilinear} (OpenCV's INTER_LINEAR).
         */
        @WithDefault("antialiased-bilinear")
        ResizeFilter resizeFilter();
    }

    interface Batching {
        @WithDefault("8")
        @WithConverter(Ranges.AtLeastOne.class)
        int maxSize();

        /**
         * How long the first image of a batch waits for others. 0 suits a CPU: while a batch runs, the next one
         * queues up by itself. On a GPU, where a larger batch costs little more, a few milliseconds pay off.
         */
        @WithDefault("0")
        @WithConverter(Ranges.AtLeastZero.class)
        int maxWaitMs();

        @WithDefault("64")
        @WithConverter(Ranges.AtLeastOne.class)
        int queueCapacity();

        /**
         * Batches in flight at once, each on its own thread with {@code cores / workers} intra-op threads. Two keep
         * the cores busy while one batch is pre-processed (resize, normalise) and the other runs; measured on 2
         * cores over HTTP: 1.35× the throughput of one worker with two intra-op threads.
         */
        @WithDefault("2")
        @WithConverter(Ranges.AtLeastOne.class)
        int workers();
    }

    interface Images {
        @WithDefault("10485760")
        @WithConverter(Ranges.AtLeastOneLong.class)
        long maxBytes();

        @WithDefault("40000000")
        @WithConverter(Ranges.AtLeastOneLong.class)
        long maxPixels();

        /** Images in one request to /api/classify/batch. */
        @WithDefault("16")
        @WithConverter(Ranges.AtLeastOne.class)
        int maxPerRequest();
    }
}
