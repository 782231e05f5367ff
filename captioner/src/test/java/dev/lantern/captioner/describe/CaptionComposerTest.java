package dev.lantern.captioner.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.lantern.captioner.Box;
import dev.lantern.captioner.DetectedObject;
import dev.lantern.captioner.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The composer's grammar: counts, plurals, articles, salience, relations, the classifier's words, fallbacks. */
class CaptionComposerTest {

    private static final Lexicon LEXICON = Lexicon.standard();
    private final CaptionComposer composer = new CaptionComposer(LEXICON, 0.3, 0.7);

    private static DetectedObject object(String label, int x, int y, int w, int h) {
        return new DetectedObject(label, 0.9, new Box(x, y, w, h));
    }

    private String caption(List<DetectedObject> objects, Tag... tags) {
        return composer.compose(new Scene(1000, 800, objects, List.of(tags)), Detail.SENTENCE).text();
    }

    private String list(List<DetectedObject> objects, Tag... tags) {
        return composer.compose(new Scene(1000, 800, objects, List.of(tags)), Detail.LIST).text();
    }

    // counts and plurals

    @Test
    void countsInWordsWithIrregularPlurals() {
        assertEquals("Two people.", caption(List.of(object("person", 0, 0, 100, 300),
                object("person", 200, 0, 100, 300))));
        assertEquals("Three sheep.", caption(List.of(object("sheep", 0, 0, 100, 80),
                object("sheep", 200, 0, 100, 80), object("sheep", 400, 0, 100, 80))));
        assertEquals("Two knives.", caption(List.of(object("knife", 0, 0, 10, 80), object("knife", 20, 0, 10, 80))));
        assertEquals("Two buses.", caption(List.of(object("bus", 0, 0, 300, 200), object("bus", 400, 0, 300, 200))));
        List<DetectedObject> crowd = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            crowd.add(object("person", i * 80, 0, 60, 200));
        }
        assertEquals("Many people.", caption(crowd));
    }

    @Test
    void massNounsAndPairs() {
        assertEquals("Some broccoli.", caption(List.of(object("broccoli", 0, 0, 100, 100),
                object("broccoli", 200, 0, 100, 100))));
        assertEquals("A pair of skis.", caption(List.of(object("skis", 0, 0, 300, 50))));
        assertEquals("Two pairs of scissors.", caption(List.of(object("scissors", 0, 0, 100, 50),
                object("scissors", 300, 0, 100, 50))));
    }

    // articles

    @Test
    void articlesFollowTheSound() {
        assertEquals("An elephant.", caption(List.of(object("elephant", 0, 0, 500, 500))));
        assertEquals("An umbrella.", caption(List.of(object("umbrella", 0, 0, 500, 500))));
        assertEquals("A TV.", caption(List.of(object("tv", 0, 0, 500, 500))));
        assertEquals("a unicycle", LEXICON.withArticle("unicycle"));
        assertEquals("an hour", LEXICON.withArticle("hour"));
        assertEquals("a T-shirt", LEXICON.withArticle("T-shirt"));
        assertEquals("an SUV", LEXICON.withArticle("SUV"));
        assertEquals("an iPod", LEXICON.withArticle("iPod"));
        assertEquals("a CD player", LEXICON.withArticle("CD player"));
        assertEquals("an orange", LEXICON.withArticle("orange"));
    }

    @Test
    void pluralsOfClassifierLabelsFollowTheSpellingRules() {
        assertEquals("golden retrievers", LEXICON.plural("golden retriever"));
        assertEquals("bowls of consomme", LEXICON.plural("bowl of consomme"));
        assertEquals("goldfish", LEXICON.plural("goldfish"));
        assertEquals("computer mice", LEXICON.plural("computer mouse"));
        assertEquals("butterflies", LEXICON.plural("butterfly"));
        assertEquals("monkeys", LEXICON.plural("monkey"));
        assertEquals("foxes", LEXICON.plural("fox"));
        assertEquals("beer glasses", LEXICON.plural("beer glass"));
    }

    // salience and relations

    @Test
    void theMostSalientGroupIsTheSubject() {
        // the small cup comes first in the input, the large dog is the subject
        String text = caption(List.of(object("cup", 900, 700, 40, 40), object("dog", 0, 300, 400, 300)));
        assertTrue(text.startsWith("A dog "), text);
        // area × score: a larger box at a low score loses to a smaller sure one
        List<DetectedObject> objects = List.of(new DetectedObject("cat", 0.95, new Box(0, 0, 300, 300)),
                new DetectedObject("dog", 0.2, new Box(500, 0, 400, 400)));
        assertTrue(caption(objects).startsWith("A cat "), caption(objects));
    }

    @Test
    void onNeedsASupportUnderneath() {
        // a laptop resting on a table's top edge; the larger table is the subject, so the clause turns round
        String text = caption(List.of(object("dining table", 100, 400, 800, 350), object("laptop", 300, 250, 300, 200)));
        assertEquals("A laptop on a table.", text);
        // the same geometry without a support: a dog over a cat is "above", never "on"
        assertEquals("A dog above a cat.", caption(List.of(object("dog", 300, 100, 300, 200),
                object("cat", 250, 320, 350, 150))));
    }

    @Test
    void inFrontOfNextToAndUnder() {
        // a person standing inside the TV's box
        assertEquals("A person in front of a TV.", caption(List.of(object("tv", 100, 100, 800, 600),
                object("person", 300, 250, 200, 400))));
        // side by side
        assertEquals("A horse next to a person.", caption(List.of(object("horse", 0, 300, 500, 400),
                object("person", 600, 200, 150, 400))));
        // a dog in the lower half of a table's box
        assertEquals("A dog under a table.", caption(List.of(object("dining table", 100, 300, 800, 400),
                object("dog", 400, 520, 200, 170))));
        assertEquals(SpatialRelation.UNDER, SpatialRelation.of(new Box(400, 520, 200, 170),
                new Box(100, 300, 800, 400), true));
        assertEquals(SpatialRelation.UNDER, SpatialRelation.of(new Box(0, 500, 100, 100),
                new Box(0, 0, 100, 100), false));
        assertEquals(SpatialRelation.ABOVE, SpatialRelation.of(new Box(0, 0, 100, 100),
                new Box(0, 500, 100, 100), false));
    }

    @Test
    void moreGroupsJoinWithAndTheListLevelSaysWhatElseIsVisible() {
        List<DetectedObject> objects = List.of(object("person", 0, 0, 400, 800), object("dog", 500, 500, 300, 300),
                object("cup", 900, 700, 60, 60), object("book", 850, 650, 50, 30), object("clock", 950, 0, 40, 40),
                object("bench", 0, 700, 100, 50));
        String sentence = caption(objects);
        assertEquals("A person next to a dog, with a bench and a cup.", sentence);
        String listed = list(objects);
        assertEquals("A person next to a dog. Also visible: a bench, a cup, a clock and a book.", listed);
    }

    @Test
    void noNounIsRepeated() {
        List<DetectedObject> objects = List.of(object("person", 0, 0, 300, 700), object("person", 320, 0, 300, 700),
                object("tv", 700, 100, 280, 200), object("mouse", 720, 600, 30, 20), object("keyboard", 600, 600, 200, 60));
        for (Detail detail : Detail.values()) {
            String text = composer.compose(new Scene(1000, 800, objects, List.of(new Tag("computer mouse", 0.9))),
                    detail).text();
            Map<String, Long> words = Arrays.stream(text.toLowerCase().split("[^a-z]+"))
                    .filter(w -> w.length() > 3 && !w.equals("with") && !w.equals("also") && !w.equals("visible"))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            words.forEach((word, n) -> assertEquals(1L, n, word + " repeated in: " + text));
            assertTrue(text.contains("computer mouse"), text);
        }
    }

    // one animal is one

    private static DetectedObject scored(String label, double score, int x, int y, int w, int h) {
        return new DetectedObject(label, score, new Box(x, y, w, h));
    }

    /** The borzoi photo: "sheep" 0.46 and "dog" 0.30 on the same dog, which the classifier calls a borzoi (0.54). */
    @Test
    void twoAnimalClassesOnOneRegionAreOneAnimalTheLikelierOne() {
        List<DetectedObject> borzoi = List.of(scored("sheep", 0.46, 100, 100, 600, 500),
                scored("dog", 0.30, 110, 90, 590, 520));
        assertEquals("A dog.", caption(borzoi, new Tag("borzoi", 0.54, true)));
        // without the classifier's word for it, the detector's likelier class stays
        assertEquals("A sheep.", caption(borzoi));
        // apart, they are two animals
        assertEquals("A sheep next to a dog.", caption(List.of(scored("sheep", 0.46, 0, 100, 400, 500),
                scored("dog", 0.30, 600, 100, 390, 500))));
    }

    /** The beaver photo: one "bear" box, and the classifier sure of "beaver", an animal COCO has no class for. */
    @Test
    void aSureAnimalLabelNamesTheOneAnimalFoundInsteadOfJoiningIt() {
        List<DetectedObject> bear = List.of(scored("bear", 0.87, 100, 100, 700, 500));
        WrittenCaption beaver = composer.compose(new Scene(1000, 800, bear,
                List.of(new Tag("beaver", 0.99, true))), Detail.SENTENCE);
        assertEquals("A beaver.", beaver.text());
        assertEquals(0.99, beaver.confidence(), 1e-9);
        // less sure than the box: the detector's word stays, and the label is not said beside it
        assertEquals("A bear.", caption(bear, new Tag("beaver", 0.6, true)));
        // a thing that is no animal still joins the sentence
        assertEquals("A bear with a torch.", caption(bear, new Tag("torch", 0.9)));
        // a small box is not what the label of the whole image is about: two animals
        assertEquals("A bear with a beaver.", caption(List.of(scored("bear", 0.87, 0, 0, 100, 100)),
                new Tag("beaver", 0.99, true)));
    }

    // confidence

    @Test
    void confidenceIsTheLeastScoreOfWhatTheCaptionNames() {
        WrittenCaption sure = composer.compose(new Scene(1000, 800, List.of(scored("tv", 0.89, 0, 0, 400, 300),
                scored("person", 0.79, 500, 0, 400, 700)), List.of()), Detail.SENTENCE);
        assertEquals(0.79, sure.confidence(), 1e-9);
        WrittenCaption unsure = composer.compose(new Scene(1000, 800, List.of(scored("cat", 0.9, 0, 0, 400, 300),
                scored("chair", 0.35, 500, 0, 400, 700)), List.of()), Detail.SENTENCE);
        assertEquals(0.35, unsure.confidence(), 1e-9);
        // the classifier's label of the kind strengthens its class: 1 - (1 - 0.3) (1 - 0.8)
        WrittenCaption dog = composer.compose(new Scene(1000, 800, List.of(scored("dog", 0.3, 0, 0, 400, 300)),
                List.of(new Tag("Basenji", 0.8, true))), Detail.SENTENCE);
        assertEquals(0.86, dog.confidence(), 1e-9);
        // a classifier label said on its own counts with its probability
        assertEquals(0.45, composer.compose(new Scene(1000, 800, List.of(),
                List.of(new Tag("goldfish", 0.45, true))), Detail.SENTENCE).confidence(), 1e-9);
        assertEquals(0, composer.compose(new Scene(1000, 800, List.of(), List.of()), Detail.SENTENCE).confidence());
    }

    // the classifier's words

    @Test
    void aSureClassifierLabelOfAKindReplacesTheDetectorsWord() {
        List<DetectedObject> objects = List.of(object("couch", 0, 300, 1000, 500), object("cat", 300, 250, 300, 250));
        assertEquals("A tabby cat on a couch.", caption(objects, new Tag("tabby cat", 0.85)));
        // a kind the classifier is only fairly sure of: the detector's word stays
        assertEquals("A cat on a couch.", caption(objects, new Tag("tabby cat", 0.5)));
        // a label that is no kind of anything here joins the sentence
        assertEquals("A cat on a couch, with a remote control.", caption(objects, new Tag("remote control", 0.6)));
        // an unsure label is left out
        assertEquals("A cat on a couch.", caption(objects, new Tag("goldfinch", 0.1)));
        // a kind named in the dictionary with its own words
        assertEquals("A bowl of consomme.", caption(List.of(object("bowl", 100, 100, 500, 400)),
                new Tag("consomme", 0.93)));
    }

    @Test
    void placesAndClothing() {
        assertEquals("A person next to a dog on a beach.", caption(List.of(object("person", 0, 100, 300, 600),
                object("dog", 500, 500, 300, 250)), new Tag("seashore", 0.7)));
        assertEquals("A person in a sweatshirt.", caption(List.of(object("person", 0, 0, 500, 800)),
                new Tag("sweatshirt", 0.8)));
    }

    @Test
    void fallbackWhenNothingIsDetected() {
        assertEquals("A close-up of a goldfinch.", caption(List.of(), new Tag("goldfinch", 0.92),
                new Tag("house finch", 0.03)));
        assertEquals("A close-up of an American robin.", caption(List.of(), new Tag("American robin", 0.5)));
        assertEquals("Possibly a close-up of a crane.", caption(List.of(), new Tag("crane (bird)", 0.12)));
        assertEquals("A view of a beach.", caption(List.of(), new Tag("seashore", 0.6)));
        assertEquals("A photo with nothing Lantern can name.", caption(List.of()));
    }

    @Test
    void deterministic() {
        List<DetectedObject> objects = List.of(object("cup", 0, 0, 100, 100), object("bowl", 200, 0, 100, 100),
                object("fork", 400, 0, 100, 100));
        String first = caption(objects);
        List<DetectedObject> reversed = new ArrayList<>(objects);
        Collections.reverse(reversed);
        // equal salience: the order is by class name, whatever the input order
        assertEquals(first, caption(reversed));
        assertEquals("A bowl next to a cup, with a fork.", first);
    }
}
