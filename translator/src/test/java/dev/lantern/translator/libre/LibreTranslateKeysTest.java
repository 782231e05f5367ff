package dev.lantern.translator.libre;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.lantern.shared.testing.TaskReadiness;
import dev.lantern.translator.TinyModels;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lantern's API keys and rate limit on the LibreTranslate API: {@code api_key} is a key; LibreTranslate's statuses. */
@QuarkusTest
@TestProfile(LibreKeysOn.class)
@WithTestResource(TinyModels.class)
class LibreTranslateKeysTest {

    @BeforeEach
    void ready() throws InterruptedException {
        TaskReadiness.awaitModel("translator", "en-de");
    }

    private static Map<String, String> request(String key) {
        return key == null ? Map.of("q", "The red dog runs.", "source", "en", "target", "de")
                : Map.of("q", "The red dog runs.", "source", "en", "target", "de", "api_key", key);
    }

    @Test
    void aValidApiKeyInJsonOrAFormIsLetThrough() {
        given().contentType(ContentType.JSON).body(request(LibreKeysOn.KEY))
                .when().post("/translate")
                .then().statusCode(200).body("translatedText", equalTo("Der rote hund läuft."));
        given().contentType(ContentType.URLENC).formParams(request(LibreKeysOn.KEY))
                .when().post("/translate")
                .then().statusCode(200).body("translatedText", equalTo("Der rote hund läuft."));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + LibreKeysOn.KEY)
                .body(Map.of("q", "The red dog runs."))
                .when().post("/detect")
                .then().statusCode(200).body("[0].language", notNullValue());
    }

    @Test
    void aWrongKeyIs403AndAMissingOne400() {
        given().contentType(ContentType.JSON).body(request("not-a-key"))
                .when().post("/translate")
                .then().statusCode(403).body("error", equalTo("The API key is not valid."));
        given().contentType(ContentType.URLENC).formParams(request(null))
                .when().post("/translate")
                .then().statusCode(400).body("error", startsWith("This API needs a key"));
        given().contentType(ContentType.JSON).body(Map.of("q", "The red dog runs.", "api_key", "wrong"))
                .when().post("/detect")
                .then().statusCode(403);
    }

    @Test
    void languagesAndSettingsStayOpenAndSayAKeyIsNeeded() {
        given().when().get("/languages").then().statusCode(200).body("code", notNullValue());
        given().when().get("/frontend/settings")
                .then().statusCode(200).body("keyRequired", equalTo(true)).body("apiKeys", equalTo(true));
    }

    @Test
    void theRateLimitCountsTheKeyInTheBody() {
        for (int i = 0; i < LibreKeysOn.BURST; i++) {
            given().contentType(ContentType.JSON).body(Map.of("q", "The dog.", "api_key", LibreKeysOn.LIMITED_KEY))
                    .when().post("/detect")
                    .then().statusCode(200);
        }
        given().contentType(ContentType.JSON).body(Map.of("q", "The dog.", "api_key", LibreKeysOn.LIMITED_KEY))
                .when().post("/detect")
                .then().statusCode(429).header("Retry-After", notNullValue())
                .body("error", startsWith("Too many requests"));
        // the same bucket as /api/*: the key's holder, whichever way the key came
        given().contentType(ContentType.JSON).header("X-API-Key", LibreKeysOn.LIMITED_KEY)
                .body(Map.of("text", "The dog.", "source", "en", "target", "de"))
                .when().post("/api/translate")
                .then().statusCode(429);
    }
}
