package dev.lantern.translator.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.shared.text.LanguageDetector;
import dev.lantern.translator.TranslationService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The app with its default settings: the EN→DE, DE→EN and EN→FR models shipped inside the jar translate. (A pair
 * without a model is TranslateResourceTest's.)
 */
@QuarkusTest
class ShippedModelsTest {

    @Inject
    TranslationService translator;

    @BeforeEach
    void settled() throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (translator.pairs().stream().anyMatch(p -> p.state().equals("loading")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void languagesListTheShippedPairsAsReady() {
        given().when().get("/translator/").then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("Translator"));
        given().when().get("/api/translate/languages")
                .then().statusCode(200)
                .body("pairs", hasSize(3))
                .body("pairs.find { it.source == 'en' && it.target == 'de' }.state", equalTo("ready"))
                .body("pairs.find { it.source == 'de' && it.target == 'en' }.state", equalTo("ready"))
                .body("pairs.find { it.source == 'en' && it.target == 'fr' }.state", equalTo("ready"));
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void theShippedModelTranslatesEnglishIntoGerman() {
        String german = translatedWithDetectedSource(
                "A man in a blue shirt is riding a bike down the street. Two dogs are playing in the snow.", "en", "de");
        assertTrue(german.contains("Mann") && german.contains("Hunde"), german);
    }

    @Test
    void theShippedModelTranslatesEnglishIntoFrench() {
        String french = translatedWithDetectedSource(
                "A man in a blue shirt is riding a bike down the street. Two dogs are playing in the snow.", "en", "fr");
        assertTrue(french.contains("homme") && french.contains("chiens"), french);
    }

    @Test
    void theShippedModelTranslatesGermanIntoEnglish() {
        String english = translatedWithDetectedSource("Ein Mann in einem blauen Hemd fährt mit dem Fahrrad die Straße"
                + " entlang. Zwei Hunde spielen im Schnee.", "de", "en");
        assertTrue(english.contains("man") && english.contains("dogs"), english);
    }

    @Test
    void theShippedModelsAreSureOfWhatTheyKnowAndUnsureOfNews() {
        // one sentence like its training data (photo descriptions), one from a news report
        String inDomain = "A young woman in a red jacket is walking her dog along the beach.";
        String news = "The central bank raised interest rates for the third time this year, citing persistent"
                + " inflation in the services sector.";
        given().contentType(ContentType.JSON).body(Map.of("text", inDomain + " " + news, "source", "en",
                        "target", "de"))
                .when().post("/api/translate")
                .then().statusCode(200)
                .body("sentences", hasSize(2))
                .body("sentences[0].confidence", greaterThan(0.5f))
                .body("sentences[1].confidence", lessThan(0.5f));
    }

    @Test
    void shortEverydaySentencesAreDetected() {
        // OpenNLP alone reads the first as Minangkabau (2%) and the second as Low German; the language profiles tell
        translatedWithDetectedSource("A man is riding a bike.", "en", "de");
        translatedWithDetectedSource("Wo ist der Bahnhof?", "de", "en");
    }

    /** Posts text without a source; the answer must name the detected source and be in the target language. */
    private static String translatedWithDetectedSource(String text, String source, String target) {
        String translation = given().contentType(ContentType.JSON).body(Map.of("text", text, "target", target))
                .when().post("/api/translate")
                .then().statusCode(200)
                .body("source", equalTo(source))
                .body("detectedSource", equalTo(true))
                .body("model", equalTo("lantern-transformer-" + source + "-" + target))
                .extract().path("translation");
        // judged by an independent model: OpenNLP's language detector must read the output as the target language
        assertEquals(target, new LanguageDetector().detect(translation).code(), translation);
        return translation;
    }
}
