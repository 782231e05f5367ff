package dev.lantern.apps;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.shared.testing.TaskReadiness;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The whole suite in one process: the portal lists the tasks that are present and each task answers. */
@QuarkusTest
class SuiteTest {

    private static final Path IMAGES = Path.of(System.getProperty("lantern.models.dir", "../shared/models"))
            .resolveSibling("testdata").resolve("images");

    @Test
    void portalListsTheInstalledTasksOnly() {
        given().when().get("/")
                .then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("Image classifier"))
                .body(containsString("href=\"/classifier/\""))
                .body(containsString("Summarizer"))
                .body(containsString("href=\"/summarizer/\""))
                .body(containsString("Image captioner"))
                .body(containsString("href=\"/captioner/\""))
                .body(containsString("Translator"))
                .body(containsString("href=\"/translator/\""));
        given().when().get("/api/tasks")
                .then().statusCode(200)
                .body("id", hasItems("classifier", "summarizer", "captioner", "translator"));
    }

    @Test
    void portalRevalidatesWithItsETag() {
        String tag = given().when().get("/").then().statusCode(200).header("Cache-Control", equalTo("no-cache"))
                .header("ETag", notNullValue()).extract().header("ETag");
        given().header("If-None-Match", tag).when().get("/").then().statusCode(304)
                .header("Cache-Control", equalTo("no-cache"));
        given().header("If-None-Match", "\"an-older-portal\"").when().get("/").then().statusCode(200);
    }

    @Test
    void everyPagePathWithoutItsSlashRedirectsToThePage() {
        for (String task : new String[] {"classifier", "captioner", "summarizer", "translator"}) {
            given().redirects().follow(false).when().get("/" + task)
                    .then().statusCode(301).header("Location", equalTo("/" + task + "/"));
        }
    }

    @Test
    void everyPageHasTheFavicon() {
        for (String page : new String[] {"/", "/classifier/", "/captioner/", "/summarizer/", "/translator/"}) {
            given().when().get(page).then().statusCode(200)
                    .body(containsString("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"));
        }
        given().when().get("/favicon.svg").then().statusCode(200).contentType(containsString("image/svg+xml"))
                .body(containsString("<svg"));
    }

    /** Swagger UI's "Try it out" starts from these examples; each task's timings have a name of their own. */
    @Test
    void theApiDocumentHasWorkingExamplesAndNamedSchemas() {
        String document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        for (String schema : new String[] {"ClassificationTimings", "CaptionTimings", "SummaryTimings",
            "TranslationTimings"}) {
            assertTrue(document.contains("\"" + schema + "\""), schema);
        }
        assertFalse(document.contains("\"Timings1\""), "schemas named Timings1, Timings2 ...");
        assertTrue(document.contains("A man is riding a bike."), "the translation example");
        assertTrue(document.contains("The city council voted on Tuesday"), "the summary example");
    }

    @Test
    void translatorAnswersInsideTheSuite() throws Exception {
        TaskReadiness.settled();
        given().when().get("/translator/").then().statusCode(200).body(containsString("Translator"));
        given().when().get("/api/translate/languages").then().statusCode(200).body("pairs", hasSize(3))
                .body("pairs.find { it.source == 'en' && it.target == 'de' }.state", equalTo("ready"));
        // the EN→DE model ships inside the jar: a fresh build translates with no mirror
        given().contentType(ContentType.JSON)
                .body("{\"text\": \"Two dogs are playing in the snow.\", \"source\": \"en\", \"target\": \"de\"}")
                .when().post("/api/translate")
                .then().statusCode(200).body("target", equalTo("de")).body("translation", containsString("Hunde"));
    }

    @Test
    void classifierAnswersInsideTheSuite() throws Exception {
        TaskReadiness.settled();
        given().contentType("image/jpeg").body(Files.readAllBytes(IMAGES.resolve("n01443537_goldfish.JPEG")))
                .when().post("/api/classify")
                .then().statusCode(200).body("predictions[0].label", equalTo("goldfish"));
        given().when().get("/classifier/").then().statusCode(200).body(containsString("Image classifier"));
    }

    @Test
    void summarizerAnswersInsideTheSuite() throws Exception {
        TaskReadiness.settled();
        String article = Files.readString(IMAGES.resolveSibling("texts").resolve("article-3.txt"));
        given().contentType(ContentType.TEXT).body(article).queryParam("sentences", 2)
                .when().post("/api/summarize")
                .then().statusCode(200).body("sentences", hasSize(2)).body("language", equalTo("en"));
        given().contentType(ContentType.JSON).body("{\"text\": \"\"}")
                .when().post("/api/summarize")
                .then().statusCode(400).body("status", equalTo(400));
        given().when().get("/summarizer/").then().statusCode(200).body(containsString("Summarizer"));
    }

    @Test
    void captionerAnswersInsideTheSuite() throws Exception {
        TaskReadiness.settled();
        given().contentType("image/jpeg").body(Files.readAllBytes(IMAGES.resolve("n03793489_mouse.JPEG")))
                .when().post("/api/caption")
                .then().statusCode(200)
                .body("caption", containsString("mouse"))
                .body("objects.label", hasItems("tv", "mouse", "keyboard", "person"))
                .body("tags", hasSize(5));
        given().when().get("/captioner/").then().statusCode(200).body(containsString("Image captioner"));
    }
}
