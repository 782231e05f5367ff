package dev.lantern.translator.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import dev.lantern.translator.TranslationService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Today's state: no trained model ships. The app starts, serves its page and says how to get the models. */
@QuarkusTest
class NoModelTest {

    @Inject
    TranslationService translator;

    @BeforeEach
    void settled() throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (translator.pairs().stream().anyMatch(p -> p.state().equals("loading")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void pageLanguagesAndReadinessWork() {
        given().when().get("/translator/").then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("Translator"));
        given().when().get("/api/translate/languages")
                .then().statusCode(200)
                .body("pairs", hasSize(3))
                .body("pairs.state", everyItem(equalTo("unavailable")))
                .body("pairs.message", everyItem(containsString("TRAINING.md")));
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/api/tasks").then().statusCode(200)
                .body("find { it.id == 'translator' }.status", containsString("no translation model yet"));
    }

    @Test
    void translatingSaysHowToTrainTheModel() {
        given().contentType(ContentType.JSON).body(Map.of("text", "A man rides a bike.", "source", "en", "target",
                        "de"))
                .when().post("/api/translate")
                .then().statusCode(503).header("Retry-After", "30")
                .body("status", equalTo(503))
                .body("error", containsString("No en-de translation model yet"))
                .body("error", containsString("dev.lantern.translator.training.TrainTranslator --source en --target de"))
                .body("error", containsString("translator/src/main/resources/translator-models/en-de/"));
        // input errors still come first
        given().contentType(ContentType.JSON).body(Map.of("text", "", "target", "de"))
                .when().post("/api/translate").then().statusCode(400);
    }
}
