package dev.lantern.shared.testing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The system load average from /proc/loadavg, printed next to figures measured on a shared machine. */
public final class LoadAverage {

    private static final String UNKNOWN = "unknown";

    private LoadAverage() {}

    /** The 1-minute figure. */
    public static String oneMinute() {
        String[] fields = fields();
        return fields == null ? UNKNOWN : fields[0];
    }

    /** The 1-, 5- and 15-minute figures, as "1.94, 1.85, 2.05". */
    public static String all() {
        String[] fields = fields();
        return fields == null ? UNKNOWN : fields[0] + ", " + fields[1] + ", " + fields[2];
    }

    private static String[] fields() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields.length >= 3 ? fields : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
