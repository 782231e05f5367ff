package dev.lantern.captioner.quality;

import dev.lantern.captioner.Caption;
import dev.lantern.captioner.CaptionPipeline;
import dev.lantern.captioner.CaptionerConfig;
import dev.lantern.captioner.DetectedObject;
import dev.lantern.captioner.DetectorModel;
import dev.lantern.captioner.ImageCaptioner;
import dev.lantern.captioner.TestModels;
import dev.lantern.captioner.describe.CaptionComposer;
import dev.lantern.captioner.describe.Detail;
import dev.lantern.captioner.describe.Lexicon;
import dev.lantern.classifier.ClassifierModel;
import dev.lantern.shared.engine.DjlEnvironment;
import dev.lantern.shared.image.ImageDecoder;
import dev.lantern.shared.testing.TestData;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Prints the {@code ## Captioner} section of docs/quality.md: for every labelled test image, the caption at both
 * detail levels, the objects found and the classifier's top label, from the default settings. Run with
 * (see docs/quality.md):
 *
 * <pre>
 * ./mvnw -q -pl captioner exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.lantern.captioner.quality.QualityReport
 * </pre>
 */
public final class QualityReport {

    private QualityReport() {}

    public static void main(String[] args) throws Exception {
        DjlEnvironment.lockDown();
        CaptionerConfig config = TestModels.captionerConfig(Map.of());
        ImageDecoder decoder = ImageCaptioner.decoder(config.images(), false);
        StringBuilder out = new StringBuilder();
        try (DetectorModel detector = TestModels.detector(); ClassifierModel classifier = TestModels.classifier()) {
            CaptionPipeline pipeline = new CaptionPipeline(detector, (image, k) -> classifier.classify(image, k, 0),
                    new CaptionComposer(Lexicon.standard(), config.composer().confidentTag(),
                config.composer().refineTag()),
                    config.tags().topK());
            out.append("| image | label | caption | confidence | with detail=list | objects (score) "
                    + "| classifier top-1 |\n");
            out.append("|---|---|---|---:|---|---|---|\n");
            for (TestData.LabelledImage labelled : TestData.labelledImages()) {
                BufferedImage image = decoder.decode(TestData.bytes(labelled.file()));
                Caption sentence = pipeline.caption(image, Detail.SENTENCE, 0).get(60, TimeUnit.SECONDS);
                Caption list = pipeline.caption(image, Detail.LIST, 0).get(60, TimeUnit.SECONDS);
                String objects = sentence.objects().isEmpty() ? "none"
                        : sentence.objects().stream().map(QualityReport::object).collect(Collectors.joining(", "));
                String top = sentence.tags().isEmpty() ? "none" : String.format(Locale.ROOT, "%s (%.2f)",
                        sentence.tags().get(0).label(), sentence.tags().get(0).probability());
                out.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %.2f | %s | %s | %s |%n",
                        labelled.file().getFileName(), labelled.label(), sentence.caption(), sentence.confidence(),
                        list.caption(), objects, top));
            }
        }
        System.out.print(out);
    }

    private static String object(DetectedObject o) {
        return String.format(Locale.ROOT, "%s %.2f", o.label(), o.score());
    }
}
