package dev.lantern.translator.training;

import java.util.ArrayList;
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
}
