package dev.lantern.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
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
        assertThrows(UncheckedIOException.class, () -> ApiKeys.read(dir.resolve("missing")));
    }
}
