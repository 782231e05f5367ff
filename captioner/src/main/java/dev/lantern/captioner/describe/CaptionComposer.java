package dev.lantern.captioner.describe;

import dev.lantern.captioner.Box;
import dev.lantern.captioner.DetectedObject;
import dev.lantern.captioner.Tag;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Writes a caption the classic way, from the detected objects and the classifier's labels, with the words of the
 * {@link Lexicon}. Deterministic: the same scene always gives the same sentence.
 *
 * <ul>
 *   <li>Objects of one class are one group, said with its count ("two people", "three sheep", "a TV", "an apple").
 *   <li>Groups are ranked by salience, the sum of box area × score; the first is the subject, the second is related
 *       to it by their boxes ({@link SpatialRelation}), said the way round that reads naturally ("a laptop on a
 *       table", not "a table under a laptop").
 *   <li>The classifier's top label, when confident, adds what the detector cannot say: a kind of a detected class
 *       replaces its word when the classifier is surer still ("a tabby cat"), clothing describes a lone person, a
 *       place ends the clause ("on a beach"), and any other object joins the sentence ("a person, with a torch").
 *   <li>{@link Detail#SENTENCE} adds up to two more groups ("..., with a keyboard and a mouse"), the one the
 *       classifier refined first; {@link Detail#LIST} ends the sentence after the subject and its relation and lists
 *       what else is visible ("Also visible: ...").
 *   <li>One animal is one: two boxes of different animal classes on nearly the same region keep the likelier, and a
 *       sure classifier label of an animal that the detector named otherwise (a "bear" box, "beaver" at 0.99) names
 *       the one animal when it is the likelier, or is left out when it is not.
 *   <li>Nothing detected: the classifier's label alone ("A close-up of a goldfish.").
 * </ul>
 *
 * <p>The caption's confidence is the least of the scores of what it names: each group's best box, strengthened by
 * the classifier's labels of its kind ({@code 1 - (1 - box) (1 - labels)}), and each classifier label it uses.
 */
public final class CaptionComposer implements CaptionWriter {

    static final int EXTRAS_IN_SENTENCE = 2;
    static final int EXTRAS_IN_LIST = 8;
    /** Boxes of two animal classes overlapping this much (IoU) are one animal. */
    static final double SAME_ANIMAL = 0.6;
    /**
     * The least share of the image that the one animal's box covers for the classifier's label to be about it (the
     * beaver photo's "bear" box covers 17 %).
     */
    static final double LABELLED_SHARE = 0.1;

    private final Lexicon lexicon;
    private final double confidentTag;
    private final double refineTag;

    /**
     * One detector class in the image: its words, how many, its most salient box, the sum of salience, and how sure
     * the models are of it.
     */
    private record Group(String detectorClass, Lexicon.Noun noun, int count, Box box, double salience,
            double evidence) {

        Group withNoun(Lexicon.Noun replacement, double boost) {
            return new Group(detectorClass, replacement, count, box, salience * boost, evidence);
        }

        Group withEvidence(double sureness) {
            return new Group(detectorClass, noun, count, box, salience, sureness);
        }
    }

    /**
     * @param confidentTag the classifier probability from which its top label is used in the sentence
     * @param refineTag the probability from which its label replaces the word of a detected class
     */
    public CaptionComposer(Lexicon lexicon, double confidentTag, double refineTag) {
        this.lexicon = lexicon;
        this.confidentTag = confidentTag;
        this.refineTag = refineTag;
    }

    @Override
    public String name() {
        return "composed";
    }

    @Override
    public CompletableFuture<WrittenCaption> write(BufferedImage image, Scene scene, Detail detail) {
        return CompletableFuture.completedFuture(compose(scene, detail));
    }

    public WrittenCaption compose(Scene scene, Detail detail) {
        List<Group> groups = groups(oneAnimalPerRegion(scene.objects(), scene.tags()), scene.tags());
        Tag top = scene.tags().isEmpty() ? null : scene.tags().get(0);
        if (groups.isEmpty()) {
            return fallback(top);
        }
        boolean confident = top != null && top.probability() >= confidentTag;
        Optional<Lexicon.Place> place = confident ? lexicon.place(top.label()) : Optional.empty();
        Group refined = null;
        Lexicon.Noun unboxed = null;
        List<Double> labelsUsed = new ArrayList<>(); // the classifier's probabilities of the labels said
        place.ifPresent(p -> labelsUsed.add(top.probability()));
        if (confident && place.isEmpty()) {
            Optional<String> worn = lexicon.worn(top.label());
            Optional<Lexicon.Kind> kind = lexicon.kind(top.label());
            int person = indexOf(groups, "person");
            int kindGroup = kind.map(k -> indexOf(groups, k.detectorClass())).orElse(-1);
            int animal = soleAnimal(groups, scene);
            if (worn.isPresent() && person >= 0 && groups.get(person).count() == 1) {
                Lexicon.Noun dressed = new Lexicon.Noun(groups.get(person).noun().singular() + " " + worn.get(),
                        groups.get(person).noun().plural() + " " + worn.get(), false);
                refined = groups.get(person).withNoun(dressed, 1 + top.probability());
                groups.set(person, refined);
                labelsUsed.add(top.probability());
            } else if (kindGroup >= 0) {
                // replacing the detector's word is a stronger claim than adding one: it needs a surer classifier
                if (top.probability() >= refineTag) {
                    refined = groups.get(kindGroup).withNoun(kind.get().noun(), 1 + top.probability());
                    groups.set(kindGroup, refined);
                }
            } else if (isAnimal(top) && animal >= 0) {
                // one animal, named two ways: the likelier name stays, the other is not said
                if (top.probability() > groups.get(animal).evidence()) {
                    refined = groups.get(animal).withNoun(lexicon.labelNoun(top.label()), 1 + top.probability())
                            .withEvidence(top.probability());
                    groups.set(animal, refined);
                }
            } else {
                unboxed = lexicon.labelNoun(top.label());
                String said = unboxed.singular();
                if (groups.stream().anyMatch(g -> g.noun().singular().equalsIgnoreCase(said))) {
                    unboxed = null; // the detector said it already
                } else {
                    labelsUsed.add(top.probability());
                }
            }
        }
        groups.sort(BY_SALIENCE);

        StringBuilder sentence = new StringBuilder();
        List<Group> rest = new ArrayList<>(groups);
        List<Group> named = new ArrayList<>();
        Group subject = rest.remove(0);
        named.add(subject);
        if (rest.isEmpty()) {
            sentence.append(phrase(subject));
        } else {
            Group object = rest.remove(0);
            named.add(object);
            sentence.append(clause(subject, object));
        }
        place.ifPresent(p -> sentence.append(' ').append(p.where()));
        // the classifier's thing, which the detector has no box for, comes first among the companions
        List<String> with = new ArrayList<>();
        if (unboxed != null) {
            with.add(lexicon.count(unboxed, 1));
        }
        if (detail == Detail.SENTENCE) {
            List<Group> extras = take(rest, EXTRAS_IN_SENTENCE, refined);
            extras.forEach(g -> with.add(phrase(g)));
            named.addAll(extras);
        }
        if (!with.isEmpty()) {
            sentence.append(groups.size() == 1 ? " with " : ", with ").append(join(with));
        }
        sentence.append('.');
        if (detail == Detail.LIST && !rest.isEmpty()) {
            List<Group> listed = take(rest, EXTRAS_IN_LIST, refined);
            sentence.append(" Also visible: ").append(join(listed.stream().map(this::phrase).toList())).append('.');
            named.addAll(listed);
        }
        double confidence = named.stream().mapToDouble(Group::evidence).min().orElse(0);
        for (double label : labelsUsed) {
            confidence = Math.min(confidence, label);
        }
        return new WrittenCaption(capitalise(sentence.toString()), confidence);
    }

    /** Subject and object with their relation, turned round when the object relates more tellingly to the subject. */
    private String clause(Group subject, Group object) {
        SpatialRelation forward = SpatialRelation.of(subject.box(), object.box(),
                lexicon.isSupport(object.detectorClass()));
        SpatialRelation backward = SpatialRelation.of(object.box(), subject.box(),
                lexicon.isSupport(subject.detectorClass()));
        boolean turn = forward == SpatialRelation.NEXT_TO && backward != SpatialRelation.NEXT_TO
                || forward == SpatialRelation.UNDER
                        && (backward == SpatialRelation.ON || backward == SpatialRelation.IN_FRONT_OF);
        if (turn) {
            return phrase(object) + " " + backward.words() + " " + phrase(subject);
        }
        return phrase(subject) + " " + forward.words() + " " + phrase(object);
    }

    private WrittenCaption fallback(Tag top) {
        if (top == null) {
            return new WrittenCaption("A photo with nothing Lantern can name.", 0);
        }
        Optional<Lexicon.Place> place = lexicon.place(top.label());
        String what = place.map(p -> "a view of " + p.noun())
                .orElseGet(() -> "a close-up of " + lexicon.count(lexicon.labelNoun(top.label()), 1));
        return new WrittenCaption(capitalise((top.probability() >= confidentTag ? what : "possibly " + what) + "."),
                top.probability());
    }

    /** An animal's label: one flagged so by the classifier, or a kind of a detector class of animals. */
    private boolean isAnimal(Tag tag) {
        return tag.animal() || lexicon.kind(tag.label()).map(k -> lexicon.isAnimal(k.detectorClass())).orElse(false);
    }

    /**
     * The group of the one animal in the scene, when the detector found exactly one and its box is large enough to be
     * what the classifier's label of the whole image is about; else -1.
     */
    private int soleAnimal(List<Group> groups, Scene scene) {
        int found = -1;
        for (int i = 0; i < groups.size(); i++) {
            if (lexicon.isAnimal(groups.get(i).detectorClass())) {
                if (found >= 0 || groups.get(i).count() > 1) {
                    return -1;
                }
                found = i;
            }
        }
        boolean large = found >= 0
                && groups.get(found).box().area() >= LABELLED_SHARE * scene.width() * scene.height();
        return large ? found : -1;
    }

    /** How sure the models are of an object: its score, strengthened by the classifier's labels of its kind. */
    private double evidence(DetectedObject object, List<Tag> tags) {
        double labels = 0;
        for (Tag tag : tags) {
            if (lexicon.kind(tag.label()).map(k -> k.detectorClass().equals(object.label())).orElse(false)) {
                labels += tag.probability();
            }
        }
        return 1 - (1 - object.score()) * (1 - Math.min(1, labels));
    }

    /** The objects without those that are another animal's box over a likelier animal (a "sheep" on the "dog"). */
    private List<DetectedObject> oneAnimalPerRegion(List<DetectedObject> objects, List<Tag> tags) {
        List<DetectedObject> likeliestFirst = new ArrayList<>(objects);
        likeliestFirst.sort(Comparator.comparingDouble((DetectedObject o) -> evidence(o, tags)).reversed());
        List<DetectedObject> animals = new ArrayList<>();
        List<DetectedObject> kept = new ArrayList<>();
        for (DetectedObject o : likeliestFirst) {
            if (lexicon.isAnimal(o.label())) {
                boolean another = animals.stream().anyMatch(a -> !a.label().equals(o.label())
                        && a.box().overlap(o.box()) >= SAME_ANIMAL);
                if (another) {
                    continue;
                }
                animals.add(o);
            }
            kept.add(o);
        }
        return objects.stream().filter(kept::contains).toList();
    }

    private List<Group> groups(List<DetectedObject> objects, List<Tag> tags) {
        Map<String, List<DetectedObject>> byClass = new LinkedHashMap<>();
        for (DetectedObject o : objects) {
            byClass.computeIfAbsent(o.label(), k -> new ArrayList<>()).add(o);
        }
        List<Group> groups = new ArrayList<>();
        byClass.forEach((label, members) -> {
            DetectedObject best = members.stream()
                    .max(Comparator.comparingDouble((DetectedObject o) -> o.box().area() * o.score())
                            .thenComparing(o -> -o.box().x()).thenComparing(o -> -o.box().y()))
                    .orElseThrow();
            double salience = members.stream().mapToDouble(o -> o.box().area() * o.score()).sum();
            double evidence = members.stream().mapToDouble(o -> evidence(o, tags)).max().orElseThrow();
            groups.add(new Group(label, lexicon.noun(label), members.size(), best.box(), salience, evidence));
        });
        groups.sort(BY_SALIENCE);
        return groups;
    }

    private static final Comparator<Group> BY_SALIENCE = Comparator.comparingDouble(Group::salience).reversed()
            .thenComparing(Group::detectorClass);

    /** Up to {@code n} groups from the front of {@code rest}, removed from it; {@code first} goes first if there. */
    private static List<Group> take(List<Group> rest, int n, Group first) {
        if (first != null && rest.remove(first)) {
            rest.add(0, first);
        }
        List<Group> taken = new ArrayList<>(rest.subList(0, Math.min(n, rest.size())));
        rest.subList(0, taken.size()).clear();
        return taken;
    }

    private static int indexOf(List<Group> groups, String detectorClass) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).detectorClass().equals(detectorClass)) {
                return i;
            }
        }
        return -1;
    }

    private String phrase(Group group) {
        return lexicon.count(group.noun(), group.count());
    }

    private static String join(List<String> phrases) {
        if (phrases.size() == 1) {
            return phrases.get(0);
        }
        return String.join(", ", phrases.subList(0, phrases.size() - 1)) + " and " + phrases.get(phrases.size() - 1);
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
