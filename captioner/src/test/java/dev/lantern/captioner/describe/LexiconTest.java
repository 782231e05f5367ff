package dev.lantern.captioner.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.util.JsonUtils;
import dev.lantern.captioner.DetectorModel;
import dev.lantern.shared.testing.TestData;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dictionary against the label lists it speaks for. */
class LexiconTest {

    private final Lexicon lexicon = Lexicon.standard();

    @Test
    void everyDetectorClassHasANounAndTheBundledListIsTheMirrorsOne() throws Exception {
        List<String> coco = DetectorModel.cocoClasses();
        assertEquals(80, coco.size());
        assertEquals(Files.readAllLines(TestData.models().resolve("coco-classes.txt")).stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList(), coco);
        assertEquals(Set.copyOf(coco), lexicon.detectorClasses());
    }

    @Test
    void everyClassifierLabelNamedExistsInTheClassifiersList() throws Exception {
        Set<String> imagenet = Set.of(JsonUtils.GSON.fromJson(
                Files.readString(TestData.models().resolve("imagenet-simple-labels.json")), String[].class));
        for (String label : lexicon.classifierLabels()) {
            assertTrue(imagenet.contains(label), "not an ImageNet label: " + label);
        }
        assertTrue(lexicon.classifierLabels().size() > 300, "kinds, clothing and places");
    }

    @Test
    void kindsPointAtDetectorClasses() {
        assertEquals("cat", lexicon.kind("tabby cat").orElseThrow().detectorClass());
        assertEquals("dog", lexicon.kind("borzoi").orElseThrow().detectorClass());
        assertEquals("bird", lexicon.kind("quail").orElseThrow().detectorClass());
        assertEquals("mouse", lexicon.kind("computer mouse").orElseThrow().detectorClass());
        assertEquals("hair drier", lexicon.kind("hair dryer").orElseThrow().detectorClass());
        assertEquals("bowl of consomme", lexicon.kind("consomme").orElseThrow().noun().singular());
        for (String label : lexicon.classifierLabels()) {
            lexicon.kind(label).ifPresent(k -> assertTrue(lexicon.detectorClasses().contains(k.detectorClass()),
                    label + " -> " + k.detectorClass()));
        }
        assertTrue(lexicon.kind("goldfish").isEmpty());
    }

    @Test
    void nounsOfDetectorClasses() {
        assertEquals("TV", lexicon.noun("tv").singular());
        assertEquals("people", lexicon.noun("person").plural());
        assertEquals("table", lexicon.noun("dining table").singular());
        assertTrue(lexicon.noun("broccoli").mass());
        // a class of another model's list that the dictionary lacks is said as it is
        assertEquals("traffic cones", lexicon.noun("traffic cone").plural());
        assertTrue(lexicon.isSupport("couch"));
        assertTrue(!lexicon.isSupport("person"));
    }
}
