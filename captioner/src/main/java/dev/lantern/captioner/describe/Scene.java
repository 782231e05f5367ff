package dev.lantern.captioner.describe;

import dev.lantern.captioner.DetectedObject;
import dev.lantern.captioner.Tag;
import java.util.List;

/**
 * What the models saw in one image: its size, the detected objects (boxes in its pixels) and the classifier's
 * labels of the whole image, most probable first.
 */
public record Scene(int width, int height, List<DetectedObject> objects, List<Tag> tags) {

    public Scene {
        objects = List.copyOf(objects);
        tags = List.copyOf(tags);
    }
}
