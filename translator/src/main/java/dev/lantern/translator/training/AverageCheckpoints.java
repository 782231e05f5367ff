package dev.lantern.translator.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.lantern.shared.engine.DjlEnvironment;
import dev.lantern.translator.model.TranslationModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

/**
 * Averages the weights of checkpoints of one architecture into a compact fp16 model directory:
 * {@code AverageCheckpoints MODEL_DIR OUTPUT_DIR PARAMS[:SHARE]...}, where MODEL_DIR gives the config and vocabulary
 * (a run's {@code best} folder) and SHARE (default 1) is a file's relative weight in the mean. Two uses
 * (TRAINING.md): the last epochs of one run, kept with {@code --keep-epochs}; and fine-tunes of one shipped model on
 * different data, whose weighted mean keeps what each learnt (a "model soup").
 */
public final class AverageCheckpoints {

    private AverageCheckpoints() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: AverageCheckpoints MODEL_DIR OUTPUT_DIR PARAMS[:SHARE]...");
            System.exit(2);
        }
        DjlEnvironment.lockDown();
        Path modelDir = Path.of(args[0]);
        Path output = Path.of(args[1]);
        List<Checkpoint> checkpoints = Arrays.stream(args, 2, args.length).map(Checkpoint::parse).toList();
        Path averaged = Files.createTempFile("lantern-average", ".params");
        try (TranslationModel model = TranslationModel.load(modelDir, Device.cpu())) {
            average(checkpoints, averaged);
            // loading checks the averaged arrays against the model's names and shapes before the fp16 export
            NDManager manager = model.model().getParameters().get(0).getValue().getArray().getManager();
            TranslationModel.loadParametersInto(model.model(), manager, averaged);
            TranslationModel.save(model.model(), model.tokenizer(), output, true);
        } finally {
            Files.deleteIfExists(averaged);
        }
        System.out.printf("averaged %s into %s (fp16)%n", checkpoints, output);
    }

    /** A parameter file and its relative weight in the mean. */
    public record Checkpoint(Path file, double share) {

        public Checkpoint {
            if (!(share > 0) || Double.isInfinite(share)) {
                throw new IllegalArgumentException(file + ": its share must be a positive number, not " + share);
            }
        }

        /** {@code path} or {@code path:share}. */
        static Checkpoint parse(String arg) {
            int colon = arg.lastIndexOf(':');
            if (colon > 0 && arg.substring(colon + 1).matches("[0-9.]+")) {
                return new Checkpoint(Path.of(arg.substring(0, colon)), Double.parseDouble(arg.substring(colon + 1)));
            }
            return new Checkpoint(Path.of(arg), 1);
        }

        @Override
        public String toString() {
            return file + ":" + share;
        }
    }

    /**
     * Writes the weighted element-wise mean (fp32) of parameter files that hold the same arrays in the same order.
     */
    public static void average(List<Checkpoint> inputs, Path output) throws IOException {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("nothing to average");
        }
        double total = inputs.stream().mapToDouble(Checkpoint::share).sum();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDList sum = new NDList();
            for (Checkpoint checkpoint : inputs) {
                Path input = checkpoint.file();
                float weight = (float) (checkpoint.share() / total);
                try (NDManager scratch = manager.newSubManager()) {
                    NDList arrays = NDList.decode(scratch, Files.readAllBytes(input));
                    if (sum.isEmpty()) {
                        for (NDArray array : arrays) {
                            // a new array, not toType(FLOAT32, true) alone: for an fp32 array that returns a tensor
                            // on the same storage, which dies with the scratch manager
                            NDArray copy = array.toType(DataType.FLOAT32, false).mul(weight);
                            copy.attach(manager);
                            copy.setName(array.getName());
                            sum.add(copy);
                        }
                        continue;
                    }
                    if (arrays.size() != sum.size()) {
                        throw new IOException(input + " holds " + arrays.size() + " arrays, "
                                + inputs.get(0).file() + " " + sum.size());
                    }
                    for (int i = 0; i < arrays.size(); i++) {
                        NDArray array = arrays.get(i);
                        if (!array.getShape().equals(sum.get(i).getShape())
                                || array.getName() != null && !array.getName().equals(sum.get(i).getName())) {
                            throw new IOException(input + ": array " + i + " is " + array.getName() + " "
                                    + array.getShape() + ", expected " + sum.get(i).getName() + " "
                                    + sum.get(i).getShape());
                        }
                        sum.get(i).addi(array.toType(DataType.FLOAT32, false).mul(weight));
                    }
                }
            }
            Path partial = output.resolveSibling(output.getFileName() + ".partial");
            Files.write(partial, sum.encode());
            Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
