package dev.lantern.captioner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.shared.testing.TaskReadiness;
import dev.lantern.shared.testing.TestData;
import dev.lantern.shared.testing.TestImages;
import dev.lantern.shared.testing.bench.PhonePhoto;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CaptionResourceTest {

    private static final Path MOUSE = TestData.images().resolve("n03793489_mouse.JPEG");
    private static final Path GOLDFISH = TestData.images().resolve("n01443537_goldfish.JPEG");

    @BeforeEach
    void ready() throws InterruptedException {
        TaskReadiness.await("captioner", "classifier");
    }

    @Test
    void captionsAMultipartUploadWithObjectsInImagePixels() {
        JsonPath answer = given().multiPart("image", MOUSE.toFile(), "image/jpeg")
                .when().post("/api/caption")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("caption", containsString("mouse"))
                .body("confidence", greaterThan(0.7f))
                .body("confidence", lessThanOrEqualTo(1f))
                .body("objects.label", hasItems("tv", "mouse", "keyboard", "person"))
                .body("objects[0].label", equalTo("tv"))
                .body("objects[0].score", greaterThan(0.85f))
                .body("tags", hasSize(5))
                .body("tags[0].probability", greaterThan(0f))
                .body("model", containsString("yolox-nano"))
                .body("model", containsString("mobilenetv2-12-int8"))
                .body("timings.detectorMs", greaterThan(0f))
                .body("timings.classifierMs", greaterThan(0f))
                .extract().jsonPath();
        int width = answer.getInt("image.width");
        int height = answer.getInt("image.height");
        assertEquals(500, width);
        List<Map<String, Integer>> boxes = answer.getList("objects.box");
        for (Map<String, Integer> box : boxes) {
            int x = box.get("x");
            int y = box.get("y");
            assertEquals(true, x >= 0 && y >= 0 && box.get("width") > 0 && box.get("height") > 0, box.toString());
            assertEquals(true, x + box.get("width") <= width && y + box.get("height") <= height, box.toString());
        }
    }

    /**
     * A 12-megapixel phone photo is decoded at 1/8 of its size (504×378), yet its answer is in the photo's pixels:
     * each box of the enlarged mouse photo, scaled back down, covers the same object as the original's box.
     */
    @Test
    void boxesOfAReducedPhoneJpegAreInThePhotosOwnPixels() {
        JsonPath small = given().contentType("image/jpeg").body(TestData.bytes(MOUSE)).post("/api/caption")
                .then().statusCode(200).extract().jsonPath();
        JsonPath phone = given().contentType("image/jpeg").body(PhonePhoto.from(MOUSE)).post("/api/caption")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(PhonePhoto.WIDTH, phone.getInt("image.width"));
        assertEquals(PhonePhoto.HEIGHT, phone.getInt("image.height"));
        double scaleX = (double) PhonePhoto.WIDTH / small.getInt("image.width");
        double scaleY = (double) PhonePhoto.HEIGHT / small.getInt("image.height");
        for (String label : List.of("tv", "mouse", "keyboard")) {
            Map<String, Integer> original = small.getMap("objects.find { it.label == '" + label + "' }.box");
            Map<String, Integer> enlarged = phone.getMap("objects.find { it.label == '" + label + "' }.box");
            double[] expected = {original.get("x") * scaleX, original.get("y") * scaleY,
                    (original.get("x") + original.get("width")) * scaleX,
                    (original.get("y") + original.get("height")) * scaleY};
            double[] found = {enlarged.get("x"), enlarged.get("y"), enlarged.get("x") + enlarged.get("width"),
                    enlarged.get("y") + enlarged.get("height")};
            double iou = intersectionOverUnion(expected, found);
            assertTrue(iou > 0.7, label + ": " + enlarged + " against " + Arrays.toString(expected) + ", IoU " + iou);
        }
    }

    private static double intersectionOverUnion(double[] a, double[] b) {
        double w = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
        double h = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
        double both = w * h;
        return both / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - both);
    }

    @Test
    void captionsARawBodyAndTheListDetail() {
        given().contentType("image/jpeg").body(TestData.bytes(MOUSE)).queryParam("detail", "list")
                .when().post("/api/caption")
                .then().statusCode(200)
                .body("caption", containsString("Also visible:"))
                .body("objects", hasSize(greaterThanOrEqualTo(4)));
        given().contentType("image/jpeg").body(TestData.bytes(GOLDFISH))
                .when().post("/api/caption")
                .then().statusCode(200)
                .body("caption", equalTo("A close-up of a goldfish."))
                .body("objects", hasSize(0))
                .body("tags[0].label", equalTo("goldfish"));
    }

    @Test
    void tagsComeFromTheSameClassifierModelThatServesTheClassifierApi() {
        long before = classifierBatches();
        given().contentType("image/jpeg").body(TestData.bytes(GOLDFISH)).post("/api/caption").then().statusCode(200);
        given().contentType("image/jpeg").body(TestData.bytes(GOLDFISH)).post("/api/classify").then().statusCode(200);
        // one served classifier model: both requests went through its batcher
        assertEquals(before + 2, classifierBatches());
    }

    private static long classifierBatches() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("lantern_batch_size_count\\{model=\"mobilenetv2-12-int8\"[^}]*} ([0-9.]+)")
                .matcher(metrics);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void textIsNotAnImage() {
        given().contentType("image/png").body("definitely not a png".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/caption")
                .then().statusCode(415).contentType(ContentType.JSON)
                .body("error", containsString("not an image")).body("status", equalTo(415));
    }

    @Test
    void wrongContentTypeIs415Json() {
        given().contentType(ContentType.TEXT).body("hello")
                .when().post("/api/caption")
                .then().statusCode(415).contentType(ContentType.JSON).body("status", equalTo(415));
    }

    @Test
    void corruptImageIs400() {
        byte[] corrupt = Arrays.copyOf(TestData.bytes(GOLDFISH), 600);
        for (int i = 400; i < corrupt.length; i++) {
            corrupt[i] = (byte) 0xFF;
        }
        given().contentType("image/jpeg").body(corrupt)
                .when().post("/api/caption")
                .then().statusCode(400).contentType(ContentType.JSON).body("error", containsString("damaged"));
    }

    @Test
    void emptyBodyIs400() {
        given().contentType("image/jpeg").body(new byte[0])
                .when().post("/api/caption")
                .then().statusCode(400).body("error", containsString("empty"));
    }

    @Test
    void hugePixelCountIs413() {
        given().contentType("image/png").body(TestImages.pngClaiming(20_000, 20_000))
                .when().post("/api/caption")
                .then().statusCode(413).body("error", containsString("20000×20000"));
    }

    @Test
    void missingImageFieldAndBadDetailAre400() {
        given().multiPart("picture", GOLDFISH.toFile(), "image/jpeg")
                .when().post("/api/caption")
                .then().statusCode(400).body("error", containsString("'image'"));
        given().contentType("image/jpeg").body(TestData.bytes(GOLDFISH)).queryParam("detail", "essay")
                .when().post("/api/caption")
                .then().statusCode(400)
                .body("error", equalTo("detail must be one of 'sentence', 'list', not 'essay'."));
    }

    @Test
    void pageHealthTasksAndOpenApi() {
        given().when().get("/captioner/")
                .then().statusCode(200).body(containsString("Image captioner")).body(containsString("/ui/lantern.js"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'captioner' }.data.model", equalTo("ready"));
        given().when().get("/api/tasks").then().statusCode(200)
                .body("id", hasItems("captioner", "classifier"))
                .body("status", everyItem(equalTo("ready")))
                .body("find { it.id == 'captioner' }.page", equalTo("/captioner/"));
        // the standalone captioner carries the classifier too: its root is the portal of both
        given().when().get("/").then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("href=\"/captioner/\"")).body(containsString("href=\"/classifier/\""));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/caption"));
    }

    @Test
    void scoresAreBetweenTheThresholdAndOne() {
        given().contentType("image/jpeg").body(TestData.bytes(MOUSE))
                .when().post("/api/caption")
                .then().statusCode(200)
                .body("objects.score", everyItem(greaterThanOrEqualTo(0.3f)))
                .body("objects.score", everyItem(lessThanOrEqualTo(1f)))
                .body("objects.label", not(hasItem("")));
    }

    @Test
    void truncatedOrMalformedUploadsAre400AndTheServerKeepsServing() {
        given().contentType("image/jpeg").body(TestImages.firstThird(TestData.bytes(MOUSE)))
                .when().post("/api/caption")
                .then().statusCode(400).contentType(ContentType.JSON).body("error", containsString("truncated"));
        given().contentType(TestImages.WRONG_BOUNDARY_TYPE).body(TestImages.multipartWithWrongBoundary())
                .when().post("/api/caption")
                .then().statusCode(400).contentType(ContentType.JSON).body("error", containsString("multipart"));
        given().contentType("image/jpeg").body(TestData.bytes(MOUSE)).post("/api/caption").then().statusCode(200);
    }
}
