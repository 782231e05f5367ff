package dev.lantern.captioner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.captioner.describe.Detail;
import dev.lantern.captioner.describe.Lexicon;
import dev.lantern.shared.testing.TaskReadiness;
import dev.lantern.shared.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On every labelled test image where the detector or the classifier is right, the caption names the labelled object
 * or its COCO class (at both detail levels). "Right" is judged here: the classifier when its top label is the image's
 * label, the detector when it found the COCO class that the dictionary gives for the label.
 */
@QuarkusTest
class CaptionQualityTest {

    @Inject
    ImageCaptioner captioner;

    @BeforeEach
    void ready() throws InterruptedException {
        TaskReadiness.await("captioner", "classifier");
    }

    @Test
    void captionNamesTheObjectWhereAModelIsRight() throws Exception {
        Lexicon lexicon = Lexicon.standard();
        List<String> checked = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (TestData.LabelledImage image : TestData.labelledImages()) {
            Optional<String> cocoClass = lexicon.kind(image.label()).map(Lexicon.Kind::detectorClass);
            for (Detail detail : Detail.values()) {
                Caption caption = captioner.caption(TestData.bytes(image.file()), detail).get(60, TimeUnit.SECONDS);
                boolean classifierRight = !caption.tags().isEmpty()
                        && caption.tags().get(0).label().equals(image.label());
                boolean detectorRight = cocoClass.isPresent()
                        && caption.objects().stream().anyMatch(o -> o.label().equals(cocoClass.get()));
                if (!classifierRight && !detectorRight) {
                    continue;
                }
                String text = caption.caption().toLowerCase(Locale.ROOT);
                boolean named = text.contains(image.label().toLowerCase(Locale.ROOT))
                        || cocoClass.map(c -> text.contains(lexicon.noun(c).singular().toLowerCase(Locale.ROOT))
                                || text.contains(lexicon.noun(c).plural().toLowerCase(Locale.ROOT))).orElse(false);
                checked.add(image.label() + "/" + detail);
                if (!named) {
                    failures.add(image.file().getFileName() + " (" + detail + "): " + caption.caption());
                }
            }
        }
        assertTrue(failures.isEmpty(), "captions that miss the object: " + failures);
        // the models get at least 8 of the 12 images right (see docs/quality.md), at both levels
        assertTrue(checked.size() >= 16, "checked only " + checked);
    }
}
