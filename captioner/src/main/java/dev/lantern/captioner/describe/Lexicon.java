package dev.lantern.captioner.describe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The captioner's dictionary ({@code dev/lantern/captioner/lexicon.txt}): the noun and plural of each detector class,
 * which classifier labels name a kind of which class, clothing, places, the classes things sit on, and the words
 * whose article their spelling does not tell. All English of the composed captions comes from here.
 */
public final class Lexicon {

    /** A countable noun phrase with its plural; a mass noun is said "some broccoli" whatever the count. */
    public record Noun(String singular, String plural, boolean mass) {}

    /** A classifier label that names a kind of a detector class, with the words to say for it. */
    public record Kind(String detectorClass, Noun noun) {}

    /** A place from a classifier label: as a noun ("a beach") and as where things are ("on a beach"). */
    public record Place(String noun, String where) {}

    private static final String RESOURCE = "/dev/lantern/captioner/lexicon.txt";
    private static final String[] NUMBERS = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten"};

    private final Map<String, Noun> nouns;
    private final Map<String, Kind> kinds;
    private final Set<String> supports;
    private final Set<String> animals;
    private final Map<String, String> worn;
    private final Map<String, Place> places;
    private final Set<String> takeAn;
    private final Set<String> takeA;

    private Lexicon(Map<String, Noun> nouns, Map<String, Kind> kinds, Set<String> supports, Set<String> animals,
            Map<String, String> worn, Map<String, Place> places, Set<String> takeAn, Set<String> takeA) {
        this.nouns = nouns;
        this.kinds = kinds;
        this.supports = supports;
        this.animals = animals;
        this.worn = worn;
        this.places = places;
        this.takeAn = takeAn;
        this.takeA = takeA;
    }

    /** The dictionary shipped with the captioner. */
    public static Lexicon standard() {
        try (InputStream in = Lexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the captioner");
            }
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Lexicon read(String text) {
        Map<String, Noun> nouns = new LinkedHashMap<>();
        Map<String, Kind> kinds = new HashMap<>();
        Set<String> supports = new HashSet<>();
        Set<String> animals = new HashSet<>();
        Map<String, String> worn = new HashMap<>();
        Map<String, Place> places = new HashMap<>();
        Set<String> takeAn = new HashSet<>();
        Set<String> takeA = new HashSet<>();
        Map<String, List<String>> kindLines = new LinkedHashMap<>();
        String section = "";
        List<String> lines = text.lines().toList();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
                continue;
            }
            String[] f = line.split("\\|");
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i].strip();
            }
            switch (section) {
                case "nouns" -> nouns.put(f[0], new Noun(f[1], f[2], f.length > 3 && f[3].equals("mass")));
                case "kinds" -> kindLines.put(f[0], List.of(f[1].split("\\s*,\\s*")));
                case "supports" -> supports.addAll(List.of(line.split("\\s*,\\s*")));
                case "animals" -> animals.addAll(List.of(line.split("\\s*,\\s*")));
                case "worn" -> worn.put(f[0], f[1]);
                case "scenes" -> places.put(f[0], new Place(f[1], f[2]));
                case "articles" -> (f[0].equals("an") ? takeAn : takeA).addAll(List.of(f[1].split("\\s*,\\s*")));
                default -> throw new IllegalStateException(RESOURCE + " line " + number + " is outside a section");
            }
        }
        Lexicon partial = new Lexicon(nouns, kinds, supports, animals, worn, places, takeAn, takeA);
        kindLines.forEach((detectorClass, labels) -> {
            for (String entry : labels) {
                int eq = entry.indexOf('=');
                String label = eq < 0 ? entry : entry.substring(0, eq).strip();
                String words = eq < 0 ? plainName(label) : entry.substring(eq + 1).strip();
                kinds.put(label, new Kind(detectorClass, new Noun(words, partial.plural(words), false)));
            }
        });
        return partial;
    }

    /** The detector classes the dictionary has nouns for, in its order. */
    public Set<String> detectorClasses() {
        return nouns.keySet();
    }

    /** The classifier labels the dictionary names (kinds, clothing, places). */
    public Set<String> classifierLabels() {
        Set<String> all = new HashSet<>(kinds.keySet());
        all.addAll(worn.keySet());
        all.addAll(places.keySet());
        return all;
    }

    /** The noun of a detector class; a class the dictionary lacks (another model's list) is used as it is. */
    public Noun noun(String detectorClass) {
        Noun noun = nouns.get(detectorClass);
        return noun != null ? noun : new Noun(detectorClass, plural(detectorClass), false);
    }

    /** The noun of a classifier label: its kind's words, or the label itself without a "(bird)"-style note. */
    public Noun labelNoun(String label) {
        Kind kind = kinds.get(label);
        if (kind != null) {
            return kind.noun();
        }
        String name = plainName(label);
        return new Noun(name, plural(name), false);
    }

    public Optional<Kind> kind(String classifierLabel) {
        return Optional.ofNullable(kinds.get(classifierLabel));
    }

    /** True for the detector classes of animals (bird, cat, dog ...). */
    public boolean isAnimal(String detectorClass) {
        return animals.contains(detectorClass);
    }

    public boolean isSupport(String detectorClass) {
        return supports.contains(detectorClass);
    }

    /** "in a sweatshirt" for clothing labels. */
    public Optional<String> worn(String classifierLabel) {
        return Optional.ofNullable(worn.get(classifierLabel));
    }

    public Optional<Place> place(String classifierLabel) {
        return Optional.ofNullable(places.get(classifierLabel));
    }

    /** "a dog", "two dogs", "some broccoli", "many people": the noun said {@code count} times. */
    public String count(Noun noun, int count) {
        if (noun.mass()) {
            return "some " + noun.singular();
        }
        if (count == 1) {
            return withArticle(noun.singular());
        }
        return (count < NUMBERS.length ? NUMBERS[count] : "many") + " " + noun.plural();
    }

    /** "a" or "an" before {@code phrase}, by sound: letters of acronyms are said by name ("a TV", "an SUV"). */
    public String withArticle(String phrase) {
        String first = phrase.split("[\\s-]", 2)[0];
        String lower = first.toLowerCase(Locale.ROOT);
        boolean an;
        if (takeAn.contains(lower) || takeAn.contains(first)) {
            an = true;
        } else if (takeA.contains(lower) || takeA.contains(first)) {
            an = false;
        } else if (first.length() > 0 && isAcronym(first)) {
            an = "AEFHILMNORSX".indexOf(first.charAt(0)) >= 0;
        } else {
            an = !lower.isEmpty() && "aeiou".indexOf(lower.charAt(0)) >= 0;
        }
        return (an ? "an " : "a ") + phrase;
    }

    private static boolean isAcronym(String word) {
        return word.length() == 1 ? Character.isUpperCase(word.charAt(0))
                : word.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }

    /**
     * The plural of a noun phrase: of its head word ("bowls of soup", "golden retrievers"); irregular plurals of the
     * detector classes are listed in the dictionary, others follow the spelling rules.
     */
    public String plural(String phrase) {
        int of = phrase.indexOf(" of ");
        if (of > 0) {
            return plural(phrase.substring(0, of)) + phrase.substring(of);
        }
        int space = phrase.lastIndexOf(' ');
        String head = phrase.substring(space + 1);
        String before = phrase.substring(0, space + 1);
        for (Noun noun : nouns.values()) {
            if (noun.singular().equals(head)) {
                return before + noun.plural();
            }
        }
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.endsWith("fish") || lower.endsWith("sheep") || lower.endsWith("deer") || lower.endsWith("s")
                && !lower.endsWith("ss") && !lower.endsWith("us")) {
            return phrase; // goldfish, sheep, and labels that already are plural (sunglasses)
        }
        if (lower.endsWith("ss") || lower.endsWith("us") || lower.endsWith("x") || lower.endsWith("z")
                || lower.endsWith("ch") || lower.endsWith("sh")) {
            return phrase + "es";
        }
        if (lower.endsWith("y") && lower.length() > 1 && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
            return phrase.substring(0, phrase.length() - 1) + "ies";
        }
        return phrase + "s";
    }

    /** A classifier label as words: "crane (bird)" is said "crane". */
    static String plainName(String label) {
        int paren = label.indexOf(" (");
        return paren > 0 ? label.substring(0, paren) : label;
    }
}
