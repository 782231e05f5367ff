package dev.lantern.classifier.web;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Keys on (two set, one in a file), a per-key limit, and one allowed CORS origin: a public deployment. */
public class ApiKeysOn implements QuarkusTestProfile {

    public static final String KEY = "test-key-4f0c2a9e1b7d";
    public static final String OTHER_KEY = "other-key-77d1c0e5";
    public static final String FILE_KEY = "file-key-93b2aa41";
    /** Used by the rate-limit test only, so that other tests' requests do not count against it. */
    public static final String LIMITED_KEY = "limited-key-5e61d8";
    public static final int PER_MINUTE = 40;
    /** Requests at once per key; the rest of the minute's come one every 3 s. */
    public static final int BURST = 20;
    public static final String ORIGIN = "https://app.example.org";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("lantern.security.api-keys", KEY + "," + OTHER_KEY + "," + LIMITED_KEY,
                "lantern.security.api-keys-file", keysFile().toString(),
                "lantern.security.rate-limit.requests-per-minute", Integer.toString(PER_MINUTE),
                "lantern.security.rate-limit.burst", Integer.toString(BURST),
                "lantern.web.cors-origins", ORIGIN);
    }

    private static Path keysFile() {
        try {
            Path file = Files.createTempFile("lantern-keys", ".txt");
            file.toFile().deleteOnExit();
            return Files.writeString(file, "# keys for the tests\n" + FILE_KEY + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
