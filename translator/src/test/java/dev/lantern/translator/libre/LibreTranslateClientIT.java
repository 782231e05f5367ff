package dev.lantern.translator.libre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.shared.testing.TaskReadiness;
import dev.lantern.translator.TinyModels;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The npm {@code libretranslate} client, unchanged, against the packaged translator with keys on: it translates
 * (asking {@code /languages} first) with a given source and with {@code auto} (detection) when it has the key, and
 * gets no translation without it or with a wrong one. {@code LibreTranslateApiTest} runs it with keys off.
 */
@QuarkusIntegrationTest
@TestProfile(LibreKeysOn.class)
@WithTestResource(TinyModels.class)
class LibreTranslateClientIT {

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void ready() throws InterruptedException {
        TaskReadiness.awaitModel("translator", "en-de");
    }

    private String url() {
        return root.toString().replaceAll("/$", "");
    }

    @Test
    void translatesAndDetectsWithItsKey() throws Exception {
        JsonNode answers = NpmLibreTranslateClient.run(url(), LibreKeysOn.KEY);
        assertEquals("Der rote hund läuft.", answers.get("given").asText());
        assertFalse(answers.get("detected").isNull(), "source auto gave no translation: " + answers);
    }

    @Test
    void getsNoTranslationWithoutAValidKey() throws Exception {
        for (String key : new String[] {null, "not-a-key"}) {
            JsonNode answers = NpmLibreTranslateClient.run(url(), key);
            assertTrue(answers.get("given").isNull() && answers.get("detected").isNull(), key + ": " + answers);
        }
    }
}
