package dev.lantern.shared.testing.bench;

import java.util.Locale;

/** Progress lines of a benchmark, on stderr, so that stdout carries only its Markdown table. */
public final class BenchmarkLog {

    private BenchmarkLog() {}

    public static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[bench] " + format + "%n", args);
    }
}
