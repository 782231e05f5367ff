package dev.lantern.translator.libre;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The npm package {@code libretranslate} (pinned in {@code src/test/node/libretranslate-client/package-lock.json}),
 * installed once with {@code npm ci} under {@code target/} and run by the machine's Node.js: a client no one here
 * wrote, used as its README shows.
 */
final class NpmLibreTranslateClient {

    private static final Path SOURCE = Path.of("src", "test", "node", "libretranslate-client");
    private static final Path HOME = Path.of("target", "libretranslate-client").toAbsolutePath();

    private NpmLibreTranslateClient() {}

    /** The client's answers ({@code given}: en to de; {@code detected}: source auto), null where it got none. */
    static synchronized JsonNode run(String url, String key) throws IOException, InterruptedException {
        if (!Files.isDirectory(HOME.resolve("node_modules").resolve("libretranslate"))) {
            Files.createDirectories(HOME);
            for (String file : List.of("package.json", "package-lock.json", "check.cjs")) {
                Files.copy(SOURCE.resolve(file), HOME.resolve(file), REPLACE_EXISTING);
            }
            exec(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), 300);
        }
        Files.copy(SOURCE.resolve("check.cjs"), HOME.resolve("check.cjs"),
                REPLACE_EXISTING);
        List<String> command = new ArrayList<>(List.of("node", "check.cjs", url));
        if (key != null) {
            command.add(key);
        }
        return new ObjectMapper().readTree(exec(command, 60));
    }

    private static String exec(List<String> command, int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(HOME.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " ran past " + seconds + " s");
        }
        assertEquals(0, process.exitValue(), command + " failed; its error output is above");
        return new String(out, StandardCharsets.UTF_8);
    }
}
