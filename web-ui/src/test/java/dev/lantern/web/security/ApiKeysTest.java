package dev.lantern.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which presented keys open the APIs, and how the keys file is read. */
class ApiKeysTest {

    private final ApiKeys keys = new ApiKeys(List.of("first-key-0123456789", "second-key-abcdef"));

    @Test
    void onlyAWholeKnownKeyMatches() {
        assertEquals(0, keys.indexOf("first-key-0123456789"));
        assertEquals(1, keys.indexOf("second-key-abcdef"));
        assertEquals(-1, keys.indexOf("first-key-012345678"), "a prefix");
        assertEquals(-1, keys.indexOf("first-key-01234567890"), "a longer key");
        assertEquals(-1, keys.indexOf("FIRST-KEY-0123456789"), "keys are case-sensitive");
        assertEquals(-1, keys.indexOf(null));
        assertTrue(keys.required());
    }

    @Test
    void noKeysMeansTheApisAreOpen() {
        assertFalse(new ApiKeys(List.of()).required());
    }

    @Test
    void theFileHasOneKeyALineAndComments(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("keys"), "# team A\n  key-a  \n\n#key-commented\nkey-b\n");
        assertEquals(List.of("key-a", "key-b"), ApiKeys.read(file));
    }

    /** Quarkus prints the message alone of a ConfigurationException with no cause: one line, not a 60-line trace. */
    @Test
    void aMissingFileIsOneLineThatNamesIt(@TempDir Path dir) {
        Path missing = dir.resolve("missing-keys");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ApiKeys.read(missing));
        assertNull(e.getCause());
        assertTrue(e.getMessage().contains(missing.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
