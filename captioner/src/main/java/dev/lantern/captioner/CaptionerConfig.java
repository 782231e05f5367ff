package dev.lantern.captioner;

import dev.lantern.captioner.describe.Detail;
import dev.lantern.shared.engine.DeviceChoice;
import dev.lantern.shared.image.ChannelOrder;
import dev.lantern.shared.image.ResizeFilter;
import dev.lantern.shared.runtime.Ranges;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * The captioner's settings ({@code lantern.captioner.*}). The defaults serve YOLOX-Nano on COCO-80; another YOLOX
 * size (YOLOX-Tiny, -S, ... at 640) is a different model file, input size and, if need be, strides and class list.
 */
@ConfigMapping(prefix = "lantern.captioner")
public interface CaptionerConfig {

    /** Name of the detector, reported by the API and used in metrics. */
    @WithDefault("yolox-nano")
    String name();

    Detector detector();

    /** auto, cpu or gpu. */
    @WithDefault("auto")
    DeviceChoice device();

    Batching batching();

    Images images();

    Tags tags();

    Composer composer();

    interface Detector {
        Model model();

        Labels labels();

        /** Side of the square model input. */
        @WithDefault("416")
        @WithConverter(Ranges.AtLeastOne.class)
        int inputSize();

        /** Strides of the output levels, in the order the model lists its anchor rows. */
        @WithDefault("8,16,32")
        @WithConverter(Ranges.AtLeastOne.class)
        List<Integer> strides();

        /** Grey level of the letterbox padding. */
        @WithDefault("114")
        @WithConverter(Ranges.ColourLevel.class)
        int padValue();

        @WithDefault("BGR")
        ChannelOrder channelOrder();

        /**
         * The letterbox resize: YOLOX trained with OpenCV's INTER_LINEAR ({@code bilinear}); {@code antialiased-bilinear}
         * and {@code area} are Pillow's.
         */
        @WithDefault("bilinear")
        ResizeFilter resizeFilter();

        /** Lowest objectness × class score kept. */
        @WithDefault("0.3")
        @WithConverter(Ranges.FloatFraction.class)
        float scoreThreshold();

        /** Boxes of one class that overlap a better one by more than this IoU are dropped. */
        @WithDefault("0.45")
        @WithConverter(Ranges.FloatFraction.class)
        float nmsIou();

        /** Most objects answered per image. */
        @WithDefault("100")
        @WithConverter(Ranges.AtLeastOne.class)
        int maxObjects();
    }

    interface Model {
        @WithDefault("https://raw.githubusercontent.com/Kazuhito00/YOLOX-ONNX-TFLite-Sample/0f785c070ce8da070aeaeef46c0da7904ff7012e/model/yolox_nano.onnx")
        String url();

        @WithDefault("695e750a5d5754bb5a8d5325643b59282191a7e7a564e435a415fd3c578eab14")
        String sha256();

        /** ONNX Runtime intra-op threads per forward pass; 0 lets Lantern choose (cores ÷ workers). */
        @WithDefault("0")
        @WithConverter(Ranges.AtLeastZero.class)
        int threads();
    }

    interface Labels {
        /** A class list (one name per line, or a JSON array); none means the COCO-80 list inside the captioner. */
        Optional<String> url();

        Optional<String> sha256();
    }

    interface Batching {
        /** Images per forward pass; the YOLOX exports have a fixed batch axis of 1. */
        @WithDefault("1")
        @WithConverter(Ranges.AtLeastOne.class)
        int maxSize();

        @WithDefault("0")
        @WithConverter(Ranges.AtLeastZero.class)
        int maxWaitMs();

        @WithDefault("32")
        @WithConverter(Ranges.AtLeastOne.class)
        int queueCapacity();

        @WithDefault("1")
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
    }

    interface Tags {
        /** Classifier labels answered as tags (and read by the composer). */
        @WithDefault("5")
        @WithConverter(Ranges.AtLeastOne.class)
        int topK();
    }

    interface Composer {
        /** Classifier probability from which its label is used in the caption. */
        @WithDefault("0.3")
        @WithConverter(Ranges.Fraction.class)
        double confidentTag();

        /** Classifier probability from which its label replaces the word of a detected class ("a tabby cat"). */
        @WithDefault("0.7")
        @WithConverter(Ranges.Fraction.class)
        double refineTag();

        /** Detail when the request does not say: sentence, or list (a sentence and what else is visible). */
        @WithDefault("sentence")
        Detail detail();
    }
}
