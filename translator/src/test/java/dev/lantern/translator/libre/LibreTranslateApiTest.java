package dev.lantern.translator.libre;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lantern.shared.testing.TaskReadiness;
import dev.lantern.translator.TinyModels;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LibreTranslate's API as its documentation shows it (docs.libretranslate.com, "API Usage" and the API reference):
 * the same request shapes, with Lantern's languages (the tiny en-de model; fr-en has no model). Keys are off here.
 */
@QuarkusTest
@WithTestResource(TinyModels.class)
class LibreTranslateApiTest {

    static final String ENGLISH = "The old woman reads the paper every morning while the man eats his breakfast.";

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void ready() throws InterruptedException {
        TaskReadiness.awaitModel("translator", "en-de");
    }

    @Test
    void translatesAsTheSimpleExample() {
        given().contentType(ContentType.JSON)
                .body(Map.of("q", "The red dog runs.", "source", "en", "target", "de", "api_key", "xxxxxx"))
                .when().post("/translate")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("translatedText", equalTo("Der rote hund läuft."))
                .body("$", not(hasKey("detectedLanguage")));
    }

    @Test
    void detectsTheSourceWithAuto() {
        given().contentType(ContentType.JSON).body(Map.of("q", ENGLISH, "source", "auto", "target", "de"))
                .when().post("/translate")
                .then().statusCode(200)
                .body("detectedLanguage.language", equalTo("en"))
                .body("detectedLanguage.confidence", greaterThan(0f))
                .body("translatedText", not(emptyString()));
    }

    @Test
    void translatesAnArrayIntoAnArray() {
        given().contentType(ContentType.JSON)
                .body(Map.of("q", List.of("The red dog runs.", "The man eats."), "source", "en", "target", "de"))
                .when().post("/translate")
                .then().statusCode(200)
                .body("translatedText", contains("Der rote hund läuft.", "Der mann isst."));
    }

    @Test
    void translatesHtmlAndKeepsItsMarkupAsTheHtmlExample() {
        given().contentType(ContentType.JSON).body(Map.of("q", "<p class=\"green\">The red dog runs.</p>", "source",
                        "en", "target", "de", "format", "html"))
                .when().post("/translate")
                .then().statusCode(200)
                .body("translatedText", equalTo("<p class=\"green\">Der rote hund läuft.</p>"));
    }

    @Test
    void takesAFormAsWell() {
        given().contentType(ContentType.URLENC)
                .formParams(Map.of("q", "The red dog runs.", "source", "en", "target", "de", "format", "text"))
                .when().post("/translate")
                .then().statusCode(200)
                .body("translatedText", equalTo("Der rote hund läuft."));
    }

    @Test
    void detectAnswersALanguageAndAConfidenceInPercent() {
        given().contentType(ContentType.JSON).body(Map.of("q", ENGLISH))
                .when().post("/detect")
                .then().statusCode(200)
                .body("[0].language", equalTo("en"))
                .body("[0].confidence", greaterThan(1f));
        given().contentType(ContentType.URLENC).formParam("q", ENGLISH)
                .when().post("/detect")
                .then().statusCode(200)
                .body("[0].language", equalTo("en"));
    }

    @Test
    void languagesListEveryServableLanguageWithItsTargets() {
        given().when().get("/languages")
                .then().statusCode(200)
                .body("find { it.code == 'en' }.name", equalTo("English"))
                .body("find { it.code == 'en' }.targets", hasItem("de"))
                .body("code", hasItem("de"))
                // fr-en has no model: French is only a target (of en-fr), never a source
                .body("find { it.code == 'fr' }.targets", equalTo(List.of()));
    }

    @Test
    void frontendSettingsGiveTheLimitAndNoKeyRequirement() {
        given().when().get("/frontend/settings")
                .then().statusCode(200)
                .body("charLimit", equalTo(20000))
                .body("keyRequired", equalTo(false))
                .body("apiKeys", equalTo(false))
                .body("language.source.code", equalTo("auto"))
                .body("filesTranslation", equalTo(true))
                .body("supportedFilesFormat", hasItem(".docx"));
    }

    @Test
    void errorsTakeLibreTranslatesShape() {
        given().contentType(ContentType.JSON).body(Map.of("source", "en", "target", "de"))
                .when().post("/translate")
                .then().statusCode(400).body("error", equalTo("Invalid request: missing q parameter"))
                .body("$", not(hasKey("status")));
        given().contentType(ContentType.JSON).body(Map.of("q", "The dog.", "source", "en"))
                .when().post("/translate")
                .then().statusCode(400).body("error", equalTo("Invalid request: missing target parameter"));
        given().contentType(ContentType.JSON).body(Map.of("q", "The dog.", "source", "en", "target", "ja"))
                .when().post("/translate")
                .then().statusCode(400).body("error", startsWith("No model translates English (en) into"));
        given().contentType(ContentType.JSON).body("{\"q\": ")
                .when().post("/translate")
                .then().statusCode(400).body("error", startsWith("Invalid request: the body is not valid JSON"));
        given().contentType(ContentType.JSON).body(Map.of("q", "x".repeat(20_001), "source", "en", "target", "de"))
                .when().post("/translate")
                .then().statusCode(400).body("error", equalTo("Invalid request: request (20001) exceeds text limit"
                        + " (20000)"));
        given().contentType(ContentType.TEXT).body("q=The dog.")
                .when().post("/translate")
                .then().statusCode(415).body("error", containsString("Content-Type"));
    }

    @Test
    void translatesAFileAndLinksToTheTranslation() {
        String url = given().multiPart("file", "notes.txt", "The red dog runs.\n".getBytes(StandardCharsets.UTF_8))
                .multiPart("source", "en").multiPart("target", "de")
                .when().post("/translate_file")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().path("translatedFileUrl");
        assertTrue(url.startsWith(root.toString() + "download_file/"), url);
        given().when().get(url)
                .then().statusCode(200).contentType("text/plain")
                .header("Content-Disposition", containsString("notes.de.txt"))
                .body(equalTo("Der rote hund läuft.\n"));
        given().when().get("/download_file/0123456789abcdef")
                .then().statusCode(404).body("error", startsWith("No such translated file"));
        given().multiPart("file", "notes.txt", "The red dog runs.".getBytes(StandardCharsets.UTF_8))
                .multiPart("source", "en").multiPart("target", "ja")
                .when().post("/translate_file")
                .then().statusCode(400).body("error", startsWith("No model translates English (en) into"));
    }

    @Test
    void theNpmClientTranslatesWithoutAKeyWhenNoneIsNeeded() throws Exception {
        JsonNode answers = NpmLibreTranslateClient.run(root.toString().replaceAll("/$", ""), null);
        assertEquals("Der rote hund läuft.", answers.get("given").asText());
        assertFalse(answers.get("detected").isNull(), "source auto gave no translation: " + answers);
    }
}
