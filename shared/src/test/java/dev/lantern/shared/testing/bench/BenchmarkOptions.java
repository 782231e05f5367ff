package dev.lantern.shared.testing.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** A benchmark command's {@code --name=value} arguments (a bare {@code --flag} is "true"), over its defaults. */
public final class BenchmarkOptions {

    private BenchmarkOptions() {}

    public static Map<String, String> parse(String[] args) {
        return parse(args, Map.of());
    }

    public static Map<String, String> parse(String[] args, Map<String, String> defaults) {
        Map<String, String> options = new LinkedHashMap<>(defaults);
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        return options;
    }
}
