package dev.lantern.summarizer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lantern.shared.document.DocumentReader;
import dev.lantern.shared.testing.TaskReadiness;
import dev.lantern.shared.testing.TestData;
import dev.lantern.shared.testing.TestDocuments;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SummarizeResourceTest {

    private static final String ARTICLE = TestData.text("article-4.txt");

    @BeforeEach
    void ready() throws InterruptedException {
        TaskReadiness.await("summarizer");
    }

    @Test
    void summarisesJsonWithTheDefaultThreeSentencesInDocumentOrder() {
        JsonPath answer = given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE))
                .when().post("/api/summarize")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("sentences", hasSize(3))
                .body("model", equalTo("all-minilm-l6-v2-q-extractive"))
                .body("language", equalTo("en"))
                .body("timings.sentences", greaterThan(10))
                .body("timings.embedMs", greaterThan(0f))
                .extract().jsonPath();
        List<Integer> indices = answer.getList("sentences.index", Integer.class);
        assertEquals(indices.stream().sorted().toList(), indices);
        List<Map<String, Object>> sentences = answer.getList("sentences");
        StringBuilder joined = new StringBuilder();
        for (Map<String, Object> s : sentences) {
            String text = (String) s.get("text");
            // offsets point into the text that was sent, for highlighting
            assertEquals(text, ARTICLE.substring((Integer) s.get("start"), (Integer) s.get("end")));
            double score = ((Number) s.get("score")).doubleValue();
            assertTrue(score >= 0 && score <= 1, "score " + score);
            joined.append(joined.length() == 0 ? "" : " ").append(text);
        }
        assertEquals(joined.toString(), answer.getString("summary"));
    }

    /** An app built with -Dlantern.documents=off (the native executable) reads text and Markdown files only. */
    private static void assumeDocumentParsers() {
        assumeTrue(DocumentReader.parsersPresent(), "built without the document parsers (-Dlantern.documents=off)");
    }

    /** The article's paragraphs, a paragraph a line (the standard PDF fonts know ASCII only). */
    private static List<String> articleLines() {
        return ARTICLE.lines().filter(line -> !line.isBlank()).map(line -> line.replaceAll("[^\\x20-\\x7e]", " "))
                .toList();
    }

    @Test
    void summarisesDocumentsAndSaysWhatItRead() {
        assumeDocumentParsers();
        List<String> paragraphs = articleLines();
        Map<String, byte[]> files = Map.of("article.docx", TestDocuments.docx(paragraphs), "article.odt",
                TestDocuments.odt(paragraphs), "article.epub", TestDocuments.epub(paragraphs), "article.html",
                ("<!DOCTYPE html><html><body><p>" + String.join("</p>\n<p>", paragraphs) + "</p></body></html>")
                        .getBytes(StandardCharsets.UTF_8));
        files.forEach((name, bytes) -> given().multiPart("file", name, bytes).multiPart("sentences", "2")
                .when().post("/api/summarize")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("document.fileName", equalTo(name))
                .body("document.type", equalTo(name.substring(name.indexOf('.') + 1)))
                .body("document.characters", greaterThan(1000))
                .body("sentences", hasSize(2))
                .body("summary", containsString(" ")));
    }

    @Test
    void summarisesAPdfOfManyPages() {
        assumeDocumentParsers();
        // the article wrapped at 90 characters: a page's worth of lines
        List<String> lines = new ArrayList<>(List.of(""));
        for (String word : String.join(" ", articleLines()).split(" +")) {
            String last = lines.get(lines.size() - 1);
            if (last.length() + word.length() >= 90) {
                lines.add(word);
            } else {
                lines.set(lines.size() - 1, last.isEmpty() ? word : last + " " + word);
            }
        }
        given().multiPart("file", "report.pdf", TestDocuments.pdf(20, lines), "application/pdf")
                .when().post("/api/summarize")
                .then().statusCode(200)
                .body("document.type", equalTo("pdf"))
                .body("document.characters", greaterThan(20 * 3_000))
                .body("sentences", hasSize(3));
    }

    @Test
    void badDocumentsGet4xxJsonAndTheServerKeepsServing() {
        assumeDocumentParsers();
        Map<String, Integer> expected = Map.of("bomb.docx", 413, "xxe.docx", 422, "locked.pdf", 422, "lies.docx", 415,
                "empty.txt", 400, "long.pdf", 413, "broken.pdf", 422);
        Map<String, byte[]> files = Map.of("bomb.docx", TestDocuments.zipBombDocx(200_000_000), "xxe.docx",
                TestDocuments.externalEntityDocx("file:///etc/hostname"), "locked.pdf",
                TestDocuments.encryptedPdf(List.of("Secret.")), "lies.docx", TestDocuments.pdf(1, List.of("A PDF.")),
                "empty.txt", new byte[0], "long.pdf", TestDocuments.pdf(2_000, List.of("Page.")), "broken.pdf",
                "%PDF-1.7\nnot a PDF at all".getBytes(StandardCharsets.US_ASCII));
        files.forEach((name, bytes) -> {
            long start = System.nanoTime();
            given().multiPart("file", name, bytes)
                    .when().post("/api/summarize")
                    .then().statusCode(expected.get(name)).contentType(ContentType.JSON)
                    .body("error", containsString(" "))
                    .body("status", equalTo(expected.get(name)));
            assertTrue(System.nanoTime() - start < 25_000_000_000L, name + " took too long");
        });
        given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE))
                .when().post("/api/summarize")
                .then().statusCode(200);
    }

    @Test
    void aDocumentOverTheCharacterLimitSaysHowMuchItHad() {
        String words = "Lantern reads long documents. ".repeat(4_000);
        given().multiPart("file", "long.txt", words.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/summarize")
                .then().statusCode(413)
                .body("error", equalTo("The document long.txt (plain text) has " + words.strip().length()
                        + " characters of text; at most 100000 are summarised (lantern.summarizer.limits.max-chars)."));
    }

    @Test
    void summarisesPlainTextWithAWordBudget() {
        JsonPath answer = given().contentType("text/plain; charset=utf-8").body(ARTICLE).queryParam("words", 60)
                .when().post("/api/summarize")
                .then().statusCode(200).extract().jsonPath();
        int words = answer.getString("summary").trim().split("\\s+").length;
        assertTrue(words <= 60 && words > 10, words + " words");
    }

    @Test
    void aRatioBudgetAndASentenceCount() {
        given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE, "sentences", 1))
                .when().post("/api/summarize").then().statusCode(200).body("sentences", hasSize(1));
        int total = ARTICLE.trim().split("\\s+").length;
        String summary = given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE, "ratio", 0.3))
                .when().post("/api/summarize").then().statusCode(200).extract().path("summary");
        assertTrue(summary.split("\\s+").length <= Math.round(0.3 * total));
    }

    @Test
    void emptyTextIs400() {
        given().contentType(ContentType.JSON).body(Map.of("text", "  \n "))
                .when().post("/api/summarize")
                .then().statusCode(400).body("status", equalTo(400)).body("error", containsString("empty"));
        given().contentType(ContentType.TEXT).body("")
                .when().post("/api/summarize").then().statusCode(400).body("error", containsString("empty"));
        given().contentType(ContentType.TEXT).body("?! -- ... !!")
                .when().post("/api/summarize").then().statusCode(400).body("error", containsString("no sentences"));
    }

    @Test
    void invalidUtf8Is400() {
        byte[] bad = {'H', 'i', ' ', (byte) 0xC3, (byte) 0x28, ' ', 't', 'h', 'e', 'r', 'e'};
        given().contentType("text/plain; charset=utf-8").body(bad)
                .when().post("/api/summarize")
                .then().statusCode(400).body("error", containsString("not valid UTF-8"));
        byte[] badJson = "{\"text\": \"caf\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        given().contentType(ContentType.JSON).body(badJson)
                .when().post("/api/summarize").then().statusCode(400).body("status", equalTo(400));
    }

    @Test
    void overTheLimitIs413() {
        String huge = "The cat sat on the mat. ".repeat(100_000 / 24 + 1);
        given().contentType(ContentType.JSON).body(Map.of("text", huge))
                .when().post("/api/summarize")
                .then().statusCode(413).body("error", containsString("100000"));
        given().contentType(ContentType.TEXT).body(huge)
                .when().post("/api/summarize").then().statusCode(413);
    }

    @Test
    void tooManySentencesIs413() {
        // within max-chars, but a similarity for each pair of 2,500 sentences would take 50 MB of heap
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2500; i++) {
            text.append("The team played game ").append(i).append(" in the rain. ");
        }
        assertTrue(text.length() < 100_000);
        given().contentType(ContentType.TEXT).body(text.toString())
                .when().post("/api/summarize")
                .then().statusCode(413).body("error", containsString("2500 sentences; at most 2000"));
    }

    @Test
    void notTextIs415() {
        given().contentType("image/png").body(new byte[] {(byte) 0x89, 'P', 'N', 'G'})
                .when().post("/api/summarize")
                .then().statusCode(415).contentType(ContentType.JSON).body("status", equalTo(415))
                .body("error", containsString("Content-Type: image/png"))
                .body("error", containsString("application/json"))
                .body("error", containsString("text/plain"))
                .body("error", containsString("curl -H 'Content-Type: application/json'"));
    }

    @Test
    void badJsonAndBadLengthsAre400() {
        given().contentType(ContentType.JSON).body("{\"text\": ")
                .when().post("/api/summarize").then().statusCode(400).body("error", containsString("JSON"));
        given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE, "sentences", 2, "words", 30))
                .when().post("/api/summarize").then().statusCode(400).body("error", containsString("one of"));
        given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE, "ratio", 2))
                .when().post("/api/summarize").then().statusCode(400).body("error", containsString("ratio"));
        given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE, "sentences", 0))
                .when().post("/api/summarize").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE, "sentences", 500))
                .when().post("/api/summarize").then().statusCode(400).body("error", containsString("at most"));
    }

    @Test
    void aBadQueryValueIs400NamingTheParameterNot404() {
        // typed query parameters (Integer, Double) answered 404 "Not found." to a value that did not convert
        given().contentType("text/plain").body(ARTICLE).queryParam("sentences", "abc")
                .when().post("/api/summarize").then().statusCode(400).body("status", equalTo(400))
                .body("error", equalTo("sentences must be a whole number, not 'abc'."));
        given().contentType("text/plain").body(ARTICLE).queryParam("words", "-1")
                .when().post("/api/summarize").then().statusCode(400)
                .body("error", equalTo("words must be a whole number of at least 1, not -1."));
        given().contentType("text/plain").body(ARTICLE).queryParam("ratio", "a fifth")
                .when().post("/api/summarize").then().statusCode(400)
                .body("error", equalTo("ratio must be a number, not 'a fifth'."));
        // an empty value (a cleared form field) is no value: the default of three sentences
        given().contentType("text/plain").body(ARTICLE).queryParam("ratio", "")
                .when().post("/api/summarize").then().statusCode(200).body("sentences", hasSize(3));
    }

    @Test
    void aJsonFieldOfTheWrongTypeIs400NotCoerced() {
        given().contentType(ContentType.JSON).body("{\"text\": 42}")
                .when().post("/api/summarize").then().statusCode(400)
                .body("error", equalTo("The JSON has a value of the wrong type at 'text'."));
        given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE, "sentences", "3"))
                .when().post("/api/summarize").then().statusCode(400).body("error", containsString("'sentences'"));
        given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE, "sentences", 2.5))
                .when().post("/api/summarize").then().statusCode(400).body("error", containsString("'sentences'"));
        // a whole number for a decimal field is no mistake
        given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE, "ratio", 1))
                .when().post("/api/summarize").then().statusCode(200);
    }

    @Test
    void aLanguageWithoutASentenceModelIs422() {
        String german = "Die Bundesregierung hat am Mittwoch neue Regeln für den Ausbau der erneuerbaren Energien"
                + " beschlossen. Nach Angaben des Ministeriums sollen bis zum Jahr 2030 deutlich mehr Windräder"
                + " gebaut werden. Kritiker bemängeln, dass die Genehmigungsverfahren weiterhin zu lange dauern.";
        given().contentType(ContentType.JSON).body(Map.of("text", german))
                .when().post("/api/summarize")
                .then().statusCode(422).body("error", containsString("'de'"));
    }

    @Test
    void shortTextIsTakenAsEnglish() {
        given().contentType(ContentType.TEXT).body("Hi. Short note.")
                .when().post("/api/summarize")
                .then().statusCode(200).body("sentences.size()", lessThanOrEqualTo(2));
    }
}
