package dev.lantern.summarizer.quality;

/** Plain logistic regression with standardised inputs, L2 penalty and Adam; small enough to train in seconds. */
final class LogisticRegression {

    final double[] mean;
    final double[] std;
    final double[] weights; // last = bias

    private LogisticRegression(double[] mean, double[] std, double[] weights) {
        this.mean = mean;
        this.std = std;
        this.weights = weights;
    }

    static LogisticRegression train(double[][] x, double[] y, double l2, int epochs, double rate) {
        int n = x.length;
        int f = x[0].length;
        double[] mean = new double[f];
        double[] std = new double[f];
        for (double[] row : x) {
            for (int j = 0; j < f; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < f; j++) {
                std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < f; j++) {
            std[j] = Math.max(Math.sqrt(std[j]), 1e-6);
        }
        double[][] z = new double[n][f];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                z[i][j] = (x[i][j] - mean[j]) / std[j];
            }
        }
        double[] w = new double[f + 1];
        double[] m = new double[f + 1];
        double[] v = new double[f + 1];
        for (int epoch = 1; epoch <= epochs; epoch++) {
            double[] grad = new double[f + 1];
            for (int i = 0; i < n; i++) {
                double logit = w[f];
                for (int j = 0; j < f; j++) {
                    logit += w[j] * z[i][j];
                }
                double error = 1 / (1 + Math.exp(-logit)) - y[i];
                for (int j = 0; j < f; j++) {
                    grad[j] += error * z[i][j] / n;
                }
                grad[f] += error / n;
            }
            for (int j = 0; j <= f; j++) {
                double g = grad[j] + (j < f ? l2 * w[j] : 0);
                m[j] = 0.9 * m[j] + 0.1 * g;
                v[j] = 0.999 * v[j] + 0.001 * g * g;
                double mHat = m[j] / (1 - Math.pow(0.9, epoch));
                double vHat = v[j] / (1 - Math.pow(0.999, epoch));
                w[j] -= rate * mHat / (Math.sqrt(vHat) + 1e-8);
            }
        }
        return new LogisticRegression(mean, std, w);
    }

    double logit(double[] row) {
        int f = mean.length;
        double logit = weights[f];
        for (int j = 0; j < f; j++) {
            logit += weights[j] * (row[j] - mean[j]) / std[j];
        }
        return logit;
    }
}
