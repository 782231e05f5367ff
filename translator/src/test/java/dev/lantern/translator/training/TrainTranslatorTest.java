package dev.lantern.translator.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole training command on a toy word-for-word corpus: train, validate, checkpoint, export, resume. */
class TrainTranslatorTest {

    private static final String[][] WORDS = {{"the", "der"}, {"red", "rote"}, {"dog", "hund"}, {"runs", "läuft"},
        {"big", "große"}, {"cat", "katze"}, {"sleeps", "schläft"}, {"small", "kleine"}, {"man", "mann"},
        {"eats", "isst"}, {"green", "grüne"}, {"bird", "vogel"}};

    @Test
    void trainsValidatesCheckpointsExportsAndResumes(@TempDir Path dir) throws IOException {
        Random random = new Random(5);
        writePairs(dir, "train", 400, random);
        writePairs(dir, "val", 20, random);
        Path out = dir.resolve("run");
        String[] args = arguments(dir, out, 1);
        TrainTranslator.train(TrainingOptions.parse(args), args);

        assertTrue(Files.exists(out.resolve("bpe.txt")));
        assertTrue(Files.exists(out.resolve("best/model.params")));
        assertTrue(Files.exists(out.resolve("model/model.params")), "fp16 export");
        assertTrue(Files.size(out.resolve("model/model.params")) < Files.size(out.resolve("best/model.params")));
        assertEquals(1, TrainTranslator.TrainingProgress.read(out.resolve("last")).epoch());
        String log = Files.readString(out.resolve("train.log"));
        assertTrue(log.contains("epoch 1 validation (20 pairs"), log);
        assertTrue(log.contains("tgt tok/s"), log);
        assertTrue(!log.contains("NaN"), log);

        args = arguments(dir, out, 2);
        TrainTranslator.train(TrainingOptions.parse(args), args);
        log = Files.readString(out.resolve("train.log"));
        assertTrue(log.contains("resumed: epoch 1, batch 0"), log);
        assertTrue(log.contains("epoch 2 validation"), log);
        TrainTranslator.TrainingProgress progress = TrainTranslator.TrainingProgress.read(out.resolve("last"));
        assertEquals(2, progress.epoch());
        assertTrue(progress.step() > 20);
    }

    private static String[] arguments(Path data, Path out, int epochs) {
        return new String[] {"--data", data.toString(), "--output", out.toString(), "--vocabulary-languages",
            "en,de", "--vocabulary-size", "300", "--model-dim", "32", "--heads", "2", "--encoder-layers", "1",
            "--decoder-layers", "1", "--ffn", "64", "--max-positions", "32", "--max-tokens", "400", "--warmup",
            "20", "--lr", "0.003", "--epochs", Integer.toString(epochs), "--log-every", "1", "--threads", "1"};
    }

    private static void writePairs(Path dir, String split, int count, Random random) throws IOException {
        List<String> english = new ArrayList<>();
        List<String> german = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder en = new StringBuilder();
            StringBuilder de = new StringBuilder();
            int length = 2 + random.nextInt(4);
            for (int w = 0; w < length; w++) {
                String[] pair = WORDS[random.nextInt(WORDS.length)];
                en.append(w == 0 ? "" : " ").append(pair[0]);
                de.append(w == 0 ? "" : " ").append(pair[1]);
            }
            english.add(en + ".");
            german.add(de + ".");
        }
        write(dir.resolve(split + ".en.gz"), english);
        write(dir.resolve(split + ".de.gz"), german);
    }

    private static void write(Path file, List<String> lines) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                Writer out = new java.io.OutputStreamWriter(new GZIPOutputStream(raw), StandardCharsets.UTF_8)) {
            for (String line : lines) {
                out.write(line + "\n");
            }
        }
    }
}
