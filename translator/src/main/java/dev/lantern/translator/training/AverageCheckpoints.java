package dev.lantern.translator.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.lantern.shared.engine.DjlEnvironment;
import dev.lantern.translator.model.SentenceTranslator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

/**
 * Averages the weights of several checkpoints of one run (the last epochs, kept with {@code --keep-epochs}) into a
 * compact fp16 model directory: {@code AverageCheckpoints MODEL_DIR OUTPUT_DIR WEIGHTS...}, where MODEL_DIR gives
 * the config and vocabulary (the run's {@code best} folder). Worth trying when the last epochs still move (an
 * inverse-sqrt run); after the shipped cosine runs it cost 0.2 BLEU against the best epoch (TRAINING.md).
 */
public final class AverageCheckpoints {

    private AverageCheckpoints() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: AverageCheckpoints MODEL_DIR OUTPUT_DIR WEIGHTS...");
            System.exit(2);
        }
        DjlEnvironment.lockDown();
        Path modelDir = Path.of(args[0]);
        Path output = Path.of(args[1]);
        List<Path> weights = Arrays.stream(args, 2, args.length).map(Path::of).toList();
        Path averaged = Files.createTempFile("lantern-average", ".params");
        try (SentenceTranslator model = SentenceTranslator.load(modelDir, Device.cpu())) {
            average(weights, averaged);
            // loading checks the averaged arrays against the model's names and shapes before the fp16 export
            NDManager manager = model.model().getParameters().get(0).getValue().getArray().getManager();
            SentenceTranslator.loadParametersInto(model.model(), manager, averaged);
            SentenceTranslator.save(model.model(), model.tokenizer(), output, true);
        } finally {
            Files.deleteIfExists(averaged);
        }
        System.out.printf("averaged %d checkpoints into %s (fp16)%n", weights.size(), output);
    }

    /** Writes the element-wise mean (fp32) of parameter files that hold the same arrays in the same order. */
    public static void average(List<Path> inputs, Path output) throws IOException {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("nothing to average");
        }
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDList sum = new NDList();
            for (Path input : inputs) {
                try (NDManager scratch = manager.newSubManager()) {
                    NDList arrays = NDList.decode(scratch, Files.readAllBytes(input));
                    if (sum.isEmpty()) {
                        for (NDArray array : arrays) {
                            // duplicate(), not toType(FLOAT32, true): for an fp32 array that returns a tensor on
                            // the same storage, which dies with the scratch manager
                            NDArray copy = array.toType(DataType.FLOAT32, false).duplicate();
                            copy.attach(manager);
                            copy.setName(array.getName());
                            sum.add(copy);
                        }
                        continue;
                    }
                    if (arrays.size() != sum.size()) {
                        throw new IOException(input + " holds " + arrays.size() + " arrays, " + inputs.get(0)
                                + " " + sum.size());
                    }
                    for (int i = 0; i < arrays.size(); i++) {
                        NDArray array = arrays.get(i);
                        if (!array.getShape().equals(sum.get(i).getShape())
                                || array.getName() != null && !array.getName().equals(sum.get(i).getName())) {
                            throw new IOException(input + ": array " + i + " is " + array.getName() + " "
                                    + array.getShape() + ", expected " + sum.get(i).getName() + " "
                                    + sum.get(i).getShape());
                        }
                        sum.get(i).addi(array.toType(DataType.FLOAT32, false));
                    }
                }
            }
            for (NDArray array : sum) {
                array.divi(inputs.size());
            }
            Path partial = output.resolveSibling(output.getFileName() + ".partial");
            Files.write(partial, sum.encode());
            Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
