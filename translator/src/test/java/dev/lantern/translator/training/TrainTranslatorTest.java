package dev.lantern.translator.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.lantern.shared.generation.SearchOptions;
import dev.lantern.translator.model.TranslationModel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole training command on a toy word-for-word corpus: train, validate, checkpoint, export, resume, and average
 * the kept epochs.
 */
class TrainTranslatorTest {

    private static final String[][] WORDS = {{"the", "der"}, {"red", "rote"}, {"dog", "hund"}, {"runs", "läuft"},
        {"big", "große"}, {"cat", "katze"}, {"sleeps", "schläft"}, {"small", "kleine"}, {"man", "mann"},
        {"eats", "isst"}, {"green", "grüne"}, {"bird", "vogel"}};

    @Test
    void trainsValidatesCheckpointsExportsAndResumes(@TempDir Path dir) throws IOException {
        Path out = writeCorpus(dir, 5, 400);
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

        // --keep-epochs 2 kept both epochs' weights; averaging them with shares 3 and 1 gives their element-wise
        // weighted mean, in fp16
        Path epochs = out.resolve("last/epochs");
        Path first = epochs.resolve(EpochEnd.file(1));
        Path second = epochs.resolve(EpochEnd.file(2));
        Path averaged = dir.resolve("averaged");
        AverageCheckpoints.main(new String[] {out.resolve("best").toString(), averaged.toString(),
            first + ":3", second.toString()});
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDArray a = NDList.decode(manager, Files.readAllBytes(first)).get(0);
            NDArray b = NDList.decode(manager, Files.readAllBytes(second)).get(0);
            NDArray mean = NDList.decode(manager, Files.readAllBytes(averaged.resolve("model.params"))).get(0);
            assertEquals(DataType.FLOAT16, mean.getDataType());
            assertTrue(a.sub(b).abs().max().getFloat() > 1e-3, "two epochs apart, the weights differ");
            float error = a.mul(3).add(b).div(4).sub(mean.toType(DataType.FLOAT32, false)).abs().max().getFloat();
            assertTrue(error < 2e-3, "averaged weights are off by " + error);
        }
        try (TranslationModel model = TranslationModel.load(averaged, Device.cpu())) {
            assertEquals(1, model.translate(List.of("the red dog runs."), new SearchOptions(2, 1.0, 20), 1).size());
        }
    }

    /** SIGTERM (what Ctrl-C or a stopping service sends) once crashed the JVM inside PyTorch's backward pass. */
    @Test
    void sigtermStopsAfterTheCurrentStepWithACheckpointAndTheRunResumes(@TempDir Path dir) throws Exception {
        Path out = writeCorpus(dir, 6, 4000);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dai.djl.offline=true", "-cp", System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")), TrainTranslator.class.getName()));
        command.addAll(List.of(arguments(dir, out, 50)));
        Process training = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.txt").toFile()).start();
        try {
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!logOf(out).contains("epoch 1 batch 3/") && System.nanoTime() < deadline && training.isAlive()) {
                Thread.sleep(100);
            }
            assertTrue(logOf(out).contains("epoch 1 batch 3/"), Files.readString(dir.resolve("console.txt")));
            training.destroy(); // SIGTERM
            assertTrue(training.waitFor(60, TimeUnit.SECONDS), "still running a minute after SIGTERM");
        } finally {
            training.destroyForcibly();
        }
        String console = Files.readString(dir.resolve("console.txt"));
        assertEquals(143, training.exitValue(), "128 + SIGTERM, as for any process ended by it: " + console);
        assertTrue(console.contains("stop requested (SIGTERM or Ctrl-C)"), console);
        assertTrue(console.contains("stopped after"), console);
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("hs_err")), "a JVM crash log");
        }
        TrainTranslator.TrainingProgress saved = TrainTranslator.TrainingProgress.read(out.resolve("last"));
        assertEquals(0, saved.epoch());
        assertTrue(saved.batch() >= 3 && saved.step() >= 3, saved.toString());

        String[] args = arguments(dir, out, 1);
        TrainTranslator.train(TrainingOptions.parse(args), args);
        assertTrue(logOf(out).contains("resumed: epoch 0, batch " + saved.batch()), logOf(out));
        assertEquals(1, TrainTranslator.TrainingProgress.read(out.resolve("last")).epoch());
    }

    private static String logOf(Path out) throws IOException {
        Path log = out.resolve("train.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static String[] arguments(Path data, Path out, int epochs) {
        return new String[] {"--data", data.toString(), "--output", out.toString(), "--vocabulary-languages",
            "en,de", "--vocabulary-size", "300", "--model-dim", "32", "--heads", "2", "--encoder-layers", "1",
            "--decoder-layers", "1", "--ffn", "64", "--max-positions", "32", "--max-tokens", "400", "--warmup",
            "20", "--lr", "0.003", "--epochs", Integer.toString(epochs), "--log-every", "1", "--threads", "1", "--keep-epochs", "2"};
    }

    /** Writes a seeded toy corpus (trainPairs training and 20 validation pairs) into dir; returns the run's folder. */
    private static Path writeCorpus(Path dir, long seed, int trainPairs) throws IOException {
        Random random = new Random(seed);
        writePairs(dir, "train", trainPairs, random);
        writePairs(dir, "val", 20, random);
        return dir.resolve("run");
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
                Writer out = new OutputStreamWriter(new GZIPOutputStream(raw), StandardCharsets.UTF_8)) {
            for (String line : lines) {
                out.write(line + "\n");
            }
        }
    }
}
