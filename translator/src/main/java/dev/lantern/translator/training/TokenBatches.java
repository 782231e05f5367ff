package dev.lantern.translator.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.lantern.translator.text.BpeTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Token-bucketed batches: pairs sorted by length (with a little noise so batches differ between epochs) and cut
 * into batches whose padded size, {@code rows × longest side}, stays within {@code maxTokens}. Similar lengths
 * together waste little work on padding; a token budget rather than a row count keeps the cost per step even.
 */
public final class TokenBatches {

    /** One training example: source ids ending in EOS, target ids framed by BOS and EOS. */
    public record Example(int[] source, int[] target) {

        /** The example of a pair's subword ids (no BOS or EOS yet). */
        public static Example of(int[] sourceIds, int[] targetIds) {
            int[] source = Arrays.copyOf(sourceIds, sourceIds.length + 1);
            source[sourceIds.length] = BpeTokenizer.EOS;
            int[] target = new int[targetIds.length + 2];
            target[0] = BpeTokenizer.BOS;
            System.arraycopy(targetIds, 0, target, 1, targetIds.length);
            target[target.length - 1] = BpeTokenizer.EOS;
            return new Example(source, target);
        }

        int longest() {
            return Math.max(source.length, target.length - 1);
        }
    }

    private TokenBatches() {}

    public static List<List<Example>> make(List<Example> examples, int maxTokens, Random random) {
        List<Example> sorted = new ArrayList<>(examples);
        Collections.shuffle(sorted, random);
        double[] noise = new double[sorted.size()];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextDouble();
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> sorted.get(i).longest() + noise[i]));
        List<List<Example>> batches = new ArrayList<>();
        List<Example> batch = new ArrayList<>();
        int longest = 0;
        for (int i : order) {
            Example example = sorted.get(i);
            int newLongest = Math.max(longest, example.longest());
            if (!batch.isEmpty() && newLongest * (batch.size() + 1) > maxTokens) {
                batches.add(batch);
                batch = new ArrayList<>();
                newLongest = example.longest();
            }
            batch.add(example);
            longest = newLongest;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        Collections.shuffle(batches, random);
        return batches;
    }

    /** A batch as model input: source, target input (BOS ...), target output (... EOS), each padded with 0. */
    public static NDArray[] arrays(List<Example> batch, NDManager manager) {
        int rows = batch.size();
        int sourceLength = batch.stream().mapToInt(e -> e.source().length).max().orElse(1);
        int targetLength = batch.stream().mapToInt(e -> e.target().length - 1).max().orElse(1);
        long[] source = new long[rows * sourceLength];
        long[] targetIn = new long[rows * targetLength];
        long[] targetOut = new long[rows * targetLength];
        for (int r = 0; r < rows; r++) {
            int[] src = batch.get(r).source();
            int[] tgt = batch.get(r).target();
            for (int t = 0; t < src.length; t++) {
                source[r * sourceLength + t] = src[t];
            }
            for (int t = 0; t + 1 < tgt.length; t++) {
                targetIn[r * targetLength + t] = tgt[t];
                targetOut[r * targetLength + t] = tgt[t + 1];
            }
        }
        return new NDArray[] {manager.create(source, new Shape(rows, sourceLength)),
            manager.create(targetIn, new Shape(rows, targetLength)),
            manager.create(targetOut, new Shape(rows, targetLength))};
    }
}
