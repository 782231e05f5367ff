package dev.lantern.translator.training;

/**
 * Linear warm-up to {@code peak}, then either inverse square root decay ("Attention Is All You Need") or a cosine
 * decay to 1% of the peak over {@code totalSteps}.
 */
public record LearningRateSchedule(float peak, int warmupSteps, boolean cosine, int totalSteps) {

    public float at(int step) {
        int s = Math.max(step, 1);
        if (s < warmupSteps) {
            return peak * s / warmupSteps;
        }
        if (!cosine) {
            return (float) (peak * Math.sqrt((double) warmupSteps / s));
        }
        double progress = Math.min(1.0, (double) (s - warmupSteps) / Math.max(1, totalSteps - warmupSteps));
        double floor = 0.01 * peak;
        return (float) (floor + (peak - floor) * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }
}
