package dev.lantern.translator.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.shared.testing.TaskReadiness;
import dev.lantern.shared.testing.TestDocuments;
import dev.lantern.translator.LanguagePair;
import dev.lantern.translator.TinyModels;
import dev.lantern.translator.serving.TrainingCommand;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API over a real (tiny, trained) en-de model; fr-en has no model. */
@QuarkusTest
@WithTestResource(TinyModels.class)
class TranslateResourceTest {

    @BeforeEach
    void ready() throws InterruptedException {
        TaskReadiness.awaitModel("translator", "en-de");
    }

    private static Map<String, Object> body(String text, String source, String target) {
        Map<String, Object> body = new HashMap<>();
        body.put("text", text);
        body.put("source", source);
        body.put("target", target);
        return body;
    }

    @Test
    void translatesASentence() {
        given().contentType(ContentType.JSON).body(body("The red dog runs.", "en", "de"))
                .when().post("/api/translate")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("translation", equalTo("Der rote hund läuft."))
                .body("source", equalTo("en"))
                .body("detectedSource", equalTo(false))
                .body("target", equalTo("de"))
                .body("model", equalTo("lantern-transformer-en-de"))
                .body("timings.sentences", equalTo(1))
                .body("timings.translateMs", greaterThan(0f));
    }

    @Test
    void keepsParagraphsAndLinesAndTranslatesEverySentenceInOneBatch() {
        // the tiny model's words for this one vary from one training to the next: it is compared with itself alone
        String oldWoman = given().contentType(ContentType.JSON).body(body("The old woman reads.", "en", "de"))
                .when().post("/api/translate").then().statusCode(200).extract().path("translation");
        String text = "The man eats. The old woman reads.\n\nThe small green bird sings.\r\n  The red dog runs.\n";
        given().contentType(ContentType.JSON).body(body(text, "EN", "de"))
                .when().post("/api/translate")
                .then().statusCode(200)
                .body("translation", equalTo("Der mann isst. " + oldWoman + "\n\nDer kleine grüne vogel singt."
                        + "\r\n  Der rote hund läuft.\n"))
                .body("timings.sentences", equalTo(4));
    }

    @Test
    void answersEachSentenceWithItsConfidence() {
        String unknown = "Quantum bureaucracy obfuscates yesterday's jurisprudence.";
        String text = "The man eats.\n\nThe red dog runs. " + unknown;
        float known = given().contentType(ContentType.JSON).body(body("The red dog runs.", "en", "de"))
                .when().post("/api/translate").then().statusCode(200).extract().path("confidence");
        given().contentType(ContentType.JSON).body(body(text, "en", "de"))
                .when().post("/api/translate")
                .then().statusCode(200)
                .body("sentences", hasSize(3))
                .body("sentences.source", contains("The man eats.", "The red dog runs.", unknown))
                .body("sentences[0].translation", equalTo("Der mann isst."))
                .body("sentences[1].translation", equalTo("Der rote hund läuft."))
                .body("sentences[1].confidence", equalTo(known))
                .body("sentences.confidence", everyItem(both(greaterThan(0f)).and(lessThanOrEqualTo(1f))))
                // words the tiny model never saw: it is less sure of that sentence, and so of the whole text
                .body("sentences[2].confidence", lessThan(known))
                .body("confidence", lessThan(known));
    }

    @Test
    void translatesOnlyTheTextOfHtml() {
        Map<String, Object> body = body("<ul id=\"x\"><li>The man eats.</li>\n<li title=\"The dog\">The red dog"
                + " runs.</li></ul>", "en", "de");
        body.put("format", "html");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/translate")
                .then().statusCode(200)
                .body("translation", equalTo("<ul id=\"x\"><li>Der mann isst.</li>\n<li title=\"The dog\">Der rote"
                        + " hund läuft.</li></ul>"))
                .body("timings.sentences", equalTo(2));
    }

    @Test
    void translatesTextAndMarkdownFilesIntoTheSameFormat() {
        byte[] text = "The red dog runs.\n\nThe man eats.\n".getBytes(StandardCharsets.UTF_8);
        Response answer = given().multiPart("file", "notes.txt", text).multiPart("source", "en")
                .multiPart("target", "de")
                .when().post("/api/translate");
        answer.then().statusCode(200).contentType("text/plain")
                .header("Content-Disposition", containsString("filename=\"notes.de.txt\""))
                .header("X-Lantern-Document-Type", "txt")
                .header("X-Lantern-Document-Characters", "33")
                .header("X-Lantern-Source", "en");
        assertEquals("Der rote hund läuft.\n\nDer mann isst.\n", answer.asString());
        given().multiPart("file", "notes.md", "# The man eats.\n".getBytes(StandardCharsets.UTF_8))
                .multiPart("source", "en").multiPart("target", "de")
                .when().post("/api/translate")
                .then().statusCode(200).contentType("text/markdown")
                .header("Content-Disposition", containsString("notes.de.md"))
                .header("X-Lantern-Document-Type", "md");
    }

    @Test
    void translatesAnHtmlFileIntoHtml() {
        String page = "<!DOCTYPE html>\n<html><body><h1 class=\"t\">The man eats.</h1>\n<p>The red dog runs.</p>"
                + "<script>var x = 1;</script></body></html>\n";
        Response answer = given().multiPart("file", "page.html", page.getBytes(StandardCharsets.UTF_8))
                .multiPart("source", "en").multiPart("target", "de")
                .when().post("/api/translate");
        answer.then().statusCode(200).contentType("text/html").header("X-Lantern-Document-Type", "html");
        assertEquals("<!DOCTYPE html>\n<html><body><h1 class=\"t\">Der mann isst.</h1>\n<p>Der rote hund läuft.</p>"
                + "<script>var x = 1;</script></body></html>\n", answer.asString());
    }

    @Test
    void translatesADocxIntoADocxWithItsParagraphsAndStyles() {
        List<String> paragraphs = List.of("The man eats.", "The red dog runs.", "The small green bird sings.");
        Response answer = given().multiPart("file", "letter.docx", TestDocuments.docx(paragraphs))
                .multiPart("target", "de").multiPart("source", "en")
                .when().post("/api/translate");
        answer.then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .header("Content-Disposition", containsString("letter.de.docx"));
        assertEquals(List.of(new TestDocuments.Paragraph("Der mann isst.", "Title"),
                new TestDocuments.Paragraph("Der rote hund läuft.", null),
                new TestDocuments.Paragraph("Der kleine grüne vogel singt.", null)),
                TestDocuments.paragraphsOf(answer.asByteArray()));
    }

    @Test
    void aPdfAnOdtAndAnEpubGiveTheirTranslatedText() {
        List<String> lines = List.of("The red dog runs.", "The man eats.");
        Map<String, byte[]> files = Map.of("report.pdf", TestDocuments.pdf(1, lines), "letter.odt",
                TestDocuments.odt(lines), "book.epub", TestDocuments.epub(lines));
        files.forEach((name, bytes) -> {
            Response answer = given().multiPart("file", name, bytes).multiPart("source", "en")
                    .multiPart("target", "de")
                    .when().post("/api/translate");
            answer.then().statusCode(200).contentType("text/plain")
                    .header("X-Lantern-Document-Type", name.substring(name.indexOf('.') + 1));
            assertTrue(answer.asString().contains("Der rote hund läuft."), name + ": " + answer.asString());
            assertTrue(answer.asString().contains("Der mann isst."), name + ": " + answer.asString());
        });
    }

    @Test
    void aDocumentOverTheLimitSaysHowManyCharactersItHad() {
        String text = "The man eats. ".repeat(2_000);
        given().multiPart("file", "long.txt", text.getBytes(StandardCharsets.UTF_8)).multiPart("target", "de")
                .when().post("/api/translate")
                .then().statusCode(413).contentType(ContentType.JSON)
                .body("error", equalTo("The document long.txt (plain text) has 28000 characters of text; at most"
                        + " 20000 are translated (lantern.translator.limits.max-chars)."));
        given().multiPart("file", "bomb.docx", TestDocuments.zipBombDocx(200_000_000)).multiPart("target", "de")
                .when().post("/api/translate")
                .then().statusCode(413).contentType(ContentType.JSON).body("error", containsString("zip bomb"));
    }

    @Test
    void detectsTheSourceWhenItIsNotGiven() {
        String english = "The old woman reads the paper every morning while the man eats his breakfast. The small"
                + " green bird sings outside the window.";
        given().contentType(ContentType.JSON).body(Map.of("text", english, "target", "de"))
                .when().post("/api/translate")
                .then().statusCode(200)
                .body("source", equalTo("en"))
                .body("detectedSource", equalTo(true))
                .body("translation", notNullValue());
    }

    @Test
    void listsThePairsWithTheirState() {
        given().when().get("/api/translate/languages")
                .then().statusCode(200)
                .body("pairs", hasSize(4))
                .body("maxChars", equalTo(20000))
                .body("pairs.find { it.source == 'en' && it.target == 'de' }.state", equalTo("ready"))
                .body("pairs.find { it.source == 'en' && it.target == 'de' }.message", nullValue())
                .body("pairs.find { it.source == 'en' && it.target == 'de' }.targetName", equalTo("German"))
                .body("pairs.find { it.source == 'fr' }.state", equalTo("unavailable"))
                .body("pairs.find { it.source == 'fr' }.message", containsString("No fr-en translation model"))
                .body("pairs.find { it.source == 'fr' }.message", containsString("TRAINING.md"))
                .body("pairs.find { it.source == 'fr' }.message", not(containsString("TrainTranslator")));
    }

    @Test
    void emptyTextMissingFieldsAndBadJsonAre400() {
        given().contentType(ContentType.JSON).body(body(" \n ", "en", "de"))
                .when().post("/api/translate")
                .then().statusCode(400).body("status", equalTo(400)).body("error", containsString("empty"));
        given().contentType(ContentType.JSON).body(Map.of("source", "en", "target", "de"))
                .when().post("/api/translate").then().statusCode(400).body("error", containsString("empty"));
        given().contentType(ContentType.JSON).body(Map.of("text", "The man eats.", "source", "en"))
                .when().post("/api/translate").then().statusCode(400).body("error", containsString("target"));
        given().contentType(ContentType.JSON).body("{\"text\": ")
                .when().post("/api/translate").then().statusCode(400).body("error", containsString("JSON"));
        given().contentType(ContentType.JSON).body("{\"text\": [1, 2], \"target\": \"de\"}")
                .when().post("/api/translate").then().statusCode(400).body("error", containsString("'text'"));
        given().contentType(ContentType.JSON).body("")
                .when().post("/api/translate").then().statusCode(400).body("status", equalTo(400));
    }

    @Test
    void overTheLimitIs413() {
        given().contentType(ContentType.JSON).body(body("a".repeat(20_001), "en", "de"))
                .when().post("/api/translate")
                .then().statusCode(413).body("error", containsString("20000"));
    }

    @Test
    void notJsonIs415() {
        given().contentType(ContentType.TEXT).body("The man eats.")
                .when().post("/api/translate")
                .then().statusCode(415).contentType(ContentType.JSON).body("status", equalTo(415))
                .body("error", containsString("Content-Type: text/plain"))
                .body("error", containsString("curl -H 'Content-Type: application/json'"));
    }

    @Test
    void aJsonFieldOfTheWrongTypeIs400NotCoerced() {
        given().contentType(ContentType.JSON).body("{\"text\": \"Hello.\", \"source\": \"en\", \"target\": 5}")
                .when().post("/api/translate").then().statusCode(400)
                .body("error", equalTo("The JSON has a value of the wrong type at 'target'."));
    }

    @Test
    void unsupportedPairsAndLanguagesAre422() {
        given().contentType(ContentType.JSON).body(body("The man eats.", "en", "xx"))
                .when().post("/api/translate")
                .then().statusCode(422).body("error", containsString("en-de, de-en, en-fr, fr-en"));
        given().contentType(ContentType.JSON).body(body("Der Mann isst.", "de", "fr"))
                .when().post("/api/translate").then().statusCode(422).body("error", containsString("German"));
        String spanish = "El anciano lee el periódico todas las mañanas mientras la mujer desayuna en la cocina.";
        given().contentType(ContentType.JSON).body(Map.of("text", spanish, "target", "de"))
                .when().post("/api/translate")
                .then().statusCode(422).body("error", containsString("Spanish (es"));
        String german = "Die alte Frau liest jeden Morgen die Zeitung, während der Mann in der Küche sein"
                + " Frühstück isst.";
        given().contentType(ContentType.JSON).body(Map.of("text", german, "target", "de"))
                .when().post("/api/translate")
                .then().statusCode(422).body("error", containsString("already in German"));
    }

    @Test
    void detectionNamesWhatItFoundOrAsksForTheSourceInsteadOfGuessing() {
        // detection used to choose among the served sources only, and took this for English
        given().contentType(ContentType.JSON).body(Map.of("text", "Où est la gare ?", "target", "de"))
                .when().post("/api/translate")
                .then().statusCode(422).body("error", containsString("French (fr"));
        given().contentType(ContentType.JSON).body(Map.of("text", "Hallo", "target", "en"))
                .when().post("/api/translate")
                .then().statusCode(422).body("error", containsString("cannot be told"))
                .body("error", containsString("Choose the source language"));
        given().contentType(ContentType.JSON).body(Map.of("text", "Wo ist der Bahnhof?", "target", "en"))
                .when().post("/api/translate")
                .then().statusCode(200).body("source", equalTo("de")).body("detectedSource", equalTo(true));
    }

    @Test
    void aPairWithoutAModelIs503AndTheLogHasTheCommand() {
        given().contentType(ContentType.JSON).body(body("Le chat dort.", "fr", "en"))
                .when().post("/api/translate")
                .then().statusCode(503)
                .header("Retry-After", Integer::parseInt, allOf(greaterThan(0), lessThanOrEqualTo(300)))
                .body("error", containsString("No fr-en translation model is installed"))
                .body("error", containsString("translator/TRAINING.md"))
                // the command is for the operator's log and the docs, not for the page that shows this message
                .body("error", not(containsString("TrainTranslator")));
        // input errors still come first
        given().contentType(ContentType.JSON).body(body("", "fr", "en"))
                .when().post("/api/translate").then().statusCode(400);
        String recipe = TrainingCommand.recipe(new LanguagePair("fr", "en"));
        assertTrue(recipe.contains("TrainTranslator --source fr --target en"), recipe);
        assertTrue(recipe.contains("translator-models/fr-en/"), recipe);
        // every direction shares one bpe.txt, and everyday sentences join Multi30k
        assertTrue(recipe.contains("--vocabulary src/main/resources/translator-models/en-de/bpe.txt"), recipe);
        assertTrue(recipe.contains("--tatoeba ../../shared/data/tatoeba/eng-fra-18k.tsv"), recipe);
    }
}
