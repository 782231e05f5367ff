package dev.lantern.shared.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The read-only files beside the checkout (../shared): models, test images, texts. */
public final class TestData {

    private TestData() {}

    /** The model mirror; the build passes it as {@code lantern.models.dir}. */
    public static Path models() {
        return Path.of(System.getProperty("lantern.models.dir", "../shared/models")).toAbsolutePath().normalize();
    }

    public static Path images() {
        return models().resolveSibling("testdata").resolve("images");
    }

    /** News articles with reference summaries: article-N.txt, article-N.reference.txt, cnndm-validation-5.jsonl. */
    public static Path texts() {
        return models().resolveSibling("testdata").resolve("texts");
    }

    public static String text(String name) {
        try {
            return Files.readString(texts().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One labelled test image: file, ImageNet class index and label, from testdata/images/labels.tsv. */
    public record LabelledImage(Path file, int classIndex, String label) {}

    public static List<LabelledImage> labelledImages() {
        try {
            return Files.readAllLines(images().resolve("labels.tsv")).stream().skip(1).map(line -> line.split("\t"))
                    .map(f -> new LabelledImage(images().resolve(f[0]), Integer.parseInt(f[1]), f[3])).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
