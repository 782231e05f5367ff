package dev.lantern.shared.quality;

import java.util.Locale;

/** A corpus BLEU figure (0–100) with the parts sacreBLEU prints beside it. */
public record BleuScore(double score, double[] precisions, double brevityPenalty, long hypothesisLength,
        long referenceLength) {

    /** sacreBLEU's summary line, e.g. {@code BLEU = 35.12 67.1/42.0/28.3/19.2 (BP = 0.981 ratio = 0.981 ...)}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BLEU = %.2f %.1f/%.1f/%.1f/%.1f (BP = %.3f ratio = %.3f hyp_len = %d"
                + " ref_len = %d)", score, precisions[0], precisions[1], precisions[2], precisions[3],
                brevityPenalty, referenceLength == 0 ? 0 : (double) hypothesisLength / referenceLength,
                hypothesisLength, referenceLength);
    }
}
