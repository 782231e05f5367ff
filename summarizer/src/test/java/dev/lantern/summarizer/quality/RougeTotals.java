package dev.lantern.summarizer.quality;

import dev.lantern.shared.quality.RougeScores;

/** Running means of ROUGE scores over documents, printed as percentages. */
final class RougeTotals {

    private double r1;
    private double r2;
    private double rl;
    private int count;

    void add(RougeScores s) {
        r1 += s.rouge1();
        r2 += s.rouge2();
        rl += s.rougeL();
        count++;
    }

    double rouge1() {
        return 100 * r1 / Math.max(count, 1);
    }

    double rouge2() {
        return 100 * r2 / Math.max(count, 1);
    }

    double rougeL() {
        return 100 * rl / Math.max(count, 1);
    }

    int count() {
        return count;
    }

    String row(String name) {
        return String.format("| %s | %.2f | %.2f | %.2f |", name, rouge1(), rouge2(), rougeL());
    }
}
