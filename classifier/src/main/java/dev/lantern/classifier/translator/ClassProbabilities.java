package dev.lantern.classifier.translator;

import java.util.Arrays;

/** The probability of every class for one image; index = class id. */
public record ClassProbabilities(double[] values) {

    /** Class ids of the {@code k} most probable classes, most probable first; ties keep the lower id first. */
    public int[] top(int k) {
        int n = Math.min(k, values.length);
        int[] best = new int[n];
        int size = 0;
        // insertion into a short sorted list: k is small next to the number of classes
        for (int id = 0; id < values.length; id++) {
            double v = values[id];
            if (size == n && v <= values[best[n - 1]]) {
                continue;
            }
            int pos = size < n ? size++ : n - 1;
            while (pos > 0 && values[best[pos - 1]] < v) {
                best[pos] = best[pos - 1];
                pos--;
            }
            best[pos] = id;
        }
        return best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassProbabilities p && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "ClassProbabilities[" + values.length + " classes]";
    }
}
