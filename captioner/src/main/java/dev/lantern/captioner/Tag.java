package dev.lantern.captioner;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.lantern.web.json.FourDecimals;

/**
 * A classifier label of the whole image.
 *
 * @param animal whether the label names an animal (for the composer, which treats one animal as one; not answered)
 */
public record Tag(String label, @JsonSerialize(using = FourDecimals.class) double probability,
        @JsonIgnore boolean animal) {

    /** ImageNet-1k's first 398 classes (tench to pufferfish) are animals; the next is "abacus". */
    private static final int IMAGENET_ANIMALS = 398;

    /** A label that is not an animal's. */
    public Tag(String label, double probability) {
        this(label, probability, false);
    }

    /** The tag of an ImageNet-1k prediction, the classifier Lantern ships. */
    public static Tag ofImageNet(String label, double probability, int classIndex) {
        return new Tag(label, probability, classIndex < IMAGENET_ANIMALS);
    }
}
