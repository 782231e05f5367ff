package dev.lantern.translator.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Sentence pairs read from line-aligned files ({@code train.en.gz} beside {@code train.de.gz}) or a TSV. */
public record ParallelCorpus(List<String> sources, List<String> targets) {

    public ParallelCorpus {
        if (sources.size() != targets.size()) {
            throw new IllegalArgumentException(sources.size() + " source lines but " + targets.size()
                    + " target lines");
        }
    }

    public int size() {
        return sources.size();
    }

    /** {@code dir/split.source(.gz)} and {@code dir/split.target(.gz)}. */
    public static ParallelCorpus lineAligned(Path dir, String split, String source, String target)
            throws IOException {
        return new ParallelCorpus(readLines(find(dir, split + "." + source)), readLines(find(dir, split + "." + target)));
    }

    /** One pair in this many of a Tatoeba file is held out of training, for measuring on everyday sentences. */
    public static final int HELD_OUT_EVERY = 50;

    /**
     * A Tatoeba/Anki file, {@code English<TAB>other[<TAB>attribution]}, in the direction {@code source}→other:
     * either the pairs for training or the held-out slice (every {@value #HELD_OUT_EVERY}th pair). Lines whose
     * sides hold no letter (a header such as {@code 1<TAB>2}) are no pairs.
     */
    public static ParallelCorpus tatoeba(Path file, String source, boolean heldOut) throws IOException {
        boolean englishIsSource = source.equals("en");
        List<String> sources = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        int pair = 0;
        for (String line : readLines(file)) {
            String[] fields = line.split("\t");
            if (fields.length < 2 || !hasLetter(fields[0]) || !hasLetter(fields[1])) {
                continue;
            }
            if ((pair++ % HELD_OUT_EVERY == HELD_OUT_EVERY - 1) == heldOut) {
                sources.add(englishIsSource ? fields[0].strip() : fields[1].strip());
                targets.add(englishIsSource ? fields[1].strip() : fields[0].strip());
            }
        }
        return new ParallelCorpus(sources, targets);
    }

    private static boolean hasLetter(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }

    public ParallelCorpus plus(ParallelCorpus other) {
        List<String> s = new ArrayList<>(sources);
        List<String> t = new ArrayList<>(targets);
        s.addAll(other.sources);
        t.addAll(other.targets);
        return new ParallelCorpus(s, t);
    }

    public ParallelCorpus first(int n) {
        return n >= size() ? this : new ParallelCorpus(sources.subList(0, n), targets.subList(0, n));
    }

    private static Path find(Path dir, String name) throws IOException {
        for (Path candidate : List.of(dir.resolve(name + ".gz"), dir.resolve(name))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IOException("no " + name + "(.gz) in " + dir);
    }

    public static List<String> readLines(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }
}
