package dev.lantern.translator.model;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * How sure a model is of a sentence's translation, in [0, 1]: a logistic curve over the translation's mean
 * log-probability per token, fitted on held-out in-domain pairs to the chance that a translation is usable (chrF of
 * at least {@value #USABLE_CHRF} against the reference; see {@code CalibrateConfidence}). A model folder keeps its
 * curve in {@value #FILE}; without one the confidence is the geometric mean of the token probabilities.
 */
public record TranslationConfidence(double slope, double intercept) {

    public static final String FILE = "confidence.properties";
    /** The chrF from which a sentence's translation counts as usable when the curve is fitted. */
    public static final double USABLE_CHRF = 50;

    /** The geometric mean of the token probabilities, for a model folder that has not been calibrated. */
    private static final TranslationConfidence UNCALIBRATED = new TranslationConfidence(Double.NaN, Double.NaN);

    public double of(double meanLogProbability) {
        if (Double.isNaN(slope)) {
            return Math.exp(meanLogProbability);
        }
        return 1 / (1 + Math.exp(-(slope * meanLogProbability + intercept)));
    }

    public boolean calibrated() {
        return !Double.isNaN(slope);
    }

    public static TranslationConfidence load(Path modelDir) throws IOException {
        Path file = modelDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return UNCALIBRATED;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        try {
            return new TranslationConfidence(Double.parseDouble(p.getProperty("slope")),
                    Double.parseDouble(p.getProperty("intercept")));
        } catch (NullPointerException | NumberFormatException e) {
            throw new IOException(file + " needs numeric slope and intercept", e);
        }
    }

    public void save(Path modelDir, String comment) throws IOException {
        Properties p = new Properties();
        p.setProperty("slope", Double.toString(slope));
        p.setProperty("intercept", Double.toString(intercept));
        try (Writer out = Files.newBufferedWriter(modelDir.resolve(FILE), StandardCharsets.UTF_8)) {
            p.store(out, comment);
        }
    }

    /**
     * The logistic regression of {@code usable} on {@code meanLogProbabilities}, by Newton's method (two parameters,
     * a few iterations), with a tiny ridge so that perfectly separated data still gives a finite curve.
     */
    public static TranslationConfidence fit(List<Double> meanLogProbabilities, List<Boolean> usable) {
        double a = 1;
        double b = 0;
        for (int iteration = 0; iteration < 50; iteration++) {
            double ga = -1e-3 * a;
            double gb = 0;
            double haa = 1e-3;
            double hab = 0;
            double hbb = 1e-9;
            for (int i = 0; i < meanLogProbabilities.size(); i++) {
                double x = meanLogProbabilities.get(i);
                double p = 1 / (1 + Math.exp(-(a * x + b)));
                double error = (usable.get(i) ? 1 : 0) - p;
                double weight = p * (1 - p);
                ga += error * x;
                gb += error;
                haa += weight * x * x;
                hab += weight * x;
                hbb += weight;
            }
            double determinant = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / determinant;
            double db = (haa * gb - hab * ga) / determinant;
            a += da;
            b += db;
            if (Math.abs(da) + Math.abs(db) < 1e-9) {
                break;
            }
        }
        return new TranslationConfidence(a, b);
    }

    @Override
    public String toString() {
        return calibrated() ? String.format(Locale.ROOT, "logistic(%.4f · mean log P + %.4f)", slope, intercept)
                : "geometric mean token probability (uncalibrated)";
    }
}
