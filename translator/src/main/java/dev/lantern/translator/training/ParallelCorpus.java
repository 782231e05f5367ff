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

    /**
     * A Tatoeba/Anki file, {@code English<TAB>other[<TAB>attribution]}; {@code englishIsSource} picks the direction.
     */
    public static ParallelCorpus tabSeparated(Path file, boolean englishIsSource) throws IOException {
        List<String> sources = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (String line : readLines(file)) {
            String[] fields = line.split("\t");
            if (fields.length >= 2 && !fields[0].isBlank() && !fields[1].isBlank()) {
                sources.add(englishIsSource ? fields[0] : fields[1]);
                targets.add(englishIsSource ? fields[1] : fields[0]);
            }
        }
        return new ParallelCorpus(sources, targets);
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
