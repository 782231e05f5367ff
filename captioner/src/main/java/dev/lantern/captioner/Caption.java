package dev.lantern.captioner;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.lantern.web.json.FourDecimals;
import java.util.List;

/**
 * The answer for one image.
 *
 * @param caption the sentence (and, at detail "list", what else is visible)
 * @param confidence how sure the models were of what the caption says (0..1): the least of the scores it rests on
 * @param objects what the detector found, most confident first, boxes in the pixels of the upright image
 * @param tags the classifier's labels of the whole image
 * @param model the detector and the classifier that were used
 * @param image size of the upright image the boxes refer to
 */
public record Caption(String caption, @JsonSerialize(using = FourDecimals.class) double confidence,
        List<DetectedObject> objects, List<Tag> tags, String model, ImageSize image,
        CaptionTimings timings) {

    /** Width and height in pixels, after the EXIF orientation was applied. */
    public record ImageSize(int width, int height) {}
}
