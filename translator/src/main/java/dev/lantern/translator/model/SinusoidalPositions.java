package dev.lantern.translator.model;

/** The fixed position encodings of "Attention Is All You Need": sin on even, cos on odd dimensions. */
final class SinusoidalPositions {

    private SinusoidalPositions() {}

    /** Row-major {@code [positions, dim]}. */
    static float[] table(int positions, int dim) {
        float[] table = new float[positions * dim];
        for (int pos = 0; pos < positions; pos++) {
            for (int i = 0; i < dim; i += 2) {
                double angle = pos / Math.pow(10000, (double) i / dim);
                table[pos * dim + i] = (float) Math.sin(angle);
                if (i + 1 < dim) {
                    table[pos * dim + i + 1] = (float) Math.cos(angle);
                }
            }
        }
        return table;
    }
}
