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
 *   <li>Nothing detected: the classifier's label alone ("A close-up of a goldfish.").
 * </ul>
 */
public final class CaptionComposer implements CaptionWriter {

    static final int EXTRAS_IN_SENTENCE = 2;
    static final int EXTRAS_IN_LIST = 8;

    private final Lexicon lexicon;
    private final double confidentTag;
    private final double refineTag;

    /** One detector class in the image: its words, how many, its most salient box and the sum of salience. */
    private record Group(String detectorClass, Lexicon.Noun noun, int count, Box box, double salience) {

        Group withNoun(Lexicon.Noun replacement, double boost) {
            return new Group(detectorClass, replacement, count, box, salience * boost);
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
    public CompletableFuture<String> write(BufferedImage image, Scene scene, Detail detail) {
        return CompletableFuture.completedFuture(compose(scene, detail));
    }

    public String compose(Scene scene, Detail detail) {
        List<Group> groups = groups(scene.objects());
        Tag top = scene.tags().isEmpty() ? null : scene.tags().get(0);
        if (groups.isEmpty()) {
            return fallback(top);
        }
        boolean confident = top != null && top.probability() >= confidentTag;
        Optional<Lexicon.Place> place = confident ? lexicon.place(top.label()) : Optional.empty();
        Group refined = null;
        Lexicon.Noun unboxed = null;
        if (confident && place.isEmpty()) {
            Optional<String> worn = lexicon.worn(top.label());
            Optional<Lexicon.Kind> kind = lexicon.kind(top.label());
            int person = indexOf(groups, "person");
            int kindGroup = kind.map(k -> indexOf(groups, k.detectorClass())).orElse(-1);
            if (worn.isPresent() && person >= 0 && groups.get(person).count() == 1) {
                Lexicon.Noun dressed = new Lexicon.Noun(groups.get(person).noun().singular() + " " + worn.get(),
                        groups.get(person).noun().plural() + " " + worn.get(), false);
                refined = groups.get(person).withNoun(dressed, 1 + top.probability());
                groups.set(person, refined);
            } else if (kindGroup >= 0) {
                // replacing the detector's word is a stronger claim than adding one: it needs a surer classifier
                if (top.probability() >= refineTag) {
                    refined = groups.get(kindGroup).withNoun(kind.get().noun(), 1 + top.probability());
                    groups.set(kindGroup, refined);
                }
            } else {
                unboxed = lexicon.labelNoun(top.label());
                String said = unboxed.singular();
                if (groups.stream().anyMatch(g -> g.noun().singular().equalsIgnoreCase(said))) {
                    unboxed = null; // the detector said it already
                }
            }
        }
        groups.sort(BY_SALIENCE);

        StringBuilder sentence = new StringBuilder();
        List<Group> rest = new ArrayList<>(groups);
        Group subject = rest.remove(0);
        if (rest.isEmpty()) {
            sentence.append(phrase(subject));
        } else {
            sentence.append(clause(subject, rest.remove(0)));
        }
        place.ifPresent(p -> sentence.append(' ').append(p.where()));
        // the classifier's thing, which the detector has no box for, comes first among the companions
        List<String> with = new ArrayList<>();
        if (unboxed != null) {
            with.add(lexicon.count(unboxed, 1));
        }
        if (detail == Detail.SENTENCE) {
            take(rest, EXTRAS_IN_SENTENCE, refined).forEach(g -> with.add(phrase(g)));
        }
        if (!with.isEmpty()) {
            sentence.append(groups.size() == 1 ? " with " : ", with ").append(join(with));
        }
        sentence.append('.');
        if (detail == Detail.LIST && !rest.isEmpty()) {
            List<String> listed = take(rest, EXTRAS_IN_LIST, refined).stream().map(this::phrase).toList();
            sentence.append(" Also visible: ").append(join(listed)).append('.');
        }
        return capitalise(sentence.toString());
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

    private String fallback(Tag top) {
        if (top == null) {
            return "A photo with nothing Lantern can name.";
        }
        Optional<Lexicon.Place> place = lexicon.place(top.label());
        String what = place.map(p -> "a view of " + p.noun())
                .orElseGet(() -> "a close-up of " + lexicon.count(lexicon.labelNoun(top.label()), 1));
        return capitalise((top.probability() >= confidentTag ? what : "possibly " + what) + ".");
    }

    private List<Group> groups(List<DetectedObject> objects) {
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
            groups.add(new Group(label, lexicon.noun(label), members.size(), best.box(), salience));
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
