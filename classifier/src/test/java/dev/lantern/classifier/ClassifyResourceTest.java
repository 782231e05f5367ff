package dev.lantern.classifier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.shared.testing.TaskReadiness;
import dev.lantern.shared.testing.TestData;
import dev.lantern.shared.testing.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClassifyResourceTest {

    private static final Path GOLDFISH = TestData.images().resolve("n01443537_goldfish.JPEG");
    private static final Path MOUSE = TestData.images().resolve("n03793489_mouse.JPEG");


    @BeforeEach
    void ready() throws InterruptedException {
        TaskReadiness.await("classifier");
    }

    @Test
    void classifiesAMultipartUpload() {
        given().multiPart("image", GOLDFISH.toFile(), "image/jpeg").queryParam("topK", 3)
                .when().post("/api/classify")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("model", equalTo("mobilenetv2-12-int8"))
                .body("device", equalTo("cpu"))
                .body("predictions", hasSize(3))
                .body("predictions[0].label", equalTo("goldfish"))
                .body("predictions[0].classIndex", equalTo(1))
                .body("predictions[0].probability", greaterThan(0.9f))
                .body("timings.decodeMs", notNullValue())
                .body("timings.inferenceMs", greaterThan(0f));
    }

    @Test
    void probabilitiesCarryFourDecimalsAsTheCaptionersDo() {
        String json = given().contentType("image/jpeg").body(TestData.bytes(GOLDFISH)).queryParam("topK", 10)
                .when().post("/api/classify")
                .then().statusCode(200).extract().asString();
        Matcher probabilities = Pattern.compile("\"probability\":([0-9.Ee-]+)")
                .matcher(json);
        int seen = 0;
        while (probabilities.find()) {
            seen++;
            String value = probabilities.group(1);
            assertTrue(value.matches("[01](\\.[0-9]{1,4})?"), value + " in " + json);
        }
        assertEquals(10, seen, json);
    }

    @Test
    void classifiesARawImageBodyWithTheDefaultTopK() {
        given().contentType("image/jpeg").body(TestData.bytes(GOLDFISH))
                .when().post("/api/classify")
                .then().statusCode(200)
                .body("predictions", hasSize(5))
                .body("predictions[0].label", equalTo("goldfish"));
    }

    @Test
    void classifiesABatchInOrder() {
        given().multiPart("image", MOUSE.toFile(), "image/jpeg").multiPart("image", GOLDFISH.toFile(), "image/jpeg")
                .queryParam("topK", 1)
                .when().post("/api/classify/batch")
                .then().statusCode(200)
                .body("results", hasSize(2))
                .body("results[0].filename", equalTo("n03793489_mouse.JPEG"))
                .body("results[1].filename", equalTo("n01443537_goldfish.JPEG"))
                .body("results[1].result.predictions[0].label", equalTo("goldfish"))
                .body("results[1].result.predictions[0].probability", greaterThan(0.99f));
    }

    @Test
    void aBadImageInABatchGetsItsOwnErrorAndTheOthersTheirResults() {
        byte[] truncated = TestImages.firstThird(TestData.bytes(MOUSE));
        given().header("X-Request-Id", "batch-with-bad-ones")
                .multiPart("image", GOLDFISH.toFile(), "image/jpeg")
                .multiPart("image", "notes.txt", "hello".getBytes(StandardCharsets.UTF_8), "image/png")
                .multiPart("image", "cut.jpg", truncated, "image/jpeg")
                .multiPart("image", MOUSE.toFile(), "image/jpeg")
                .queryParam("topK", 1)
                .when().post("/api/classify/batch")
                .then().statusCode(200)
                .body("results.filename", contains("n01443537_goldfish.JPEG", "notes.txt", "cut.jpg",
                        "n03793489_mouse.JPEG"))
                .body("results[0].result.predictions[0].label", equalTo("goldfish"))
                .body("results[0].error", nullValue())
                .body("results[1].result", nullValue())
                .body("results[1].error.status", equalTo(415))
                .body("results[1].error.error", containsString("Image 2"))
                .body("results[1].error.requestId", equalTo("batch-with-bad-ones"))
                .body("results[2].error.status", equalTo(400))
                .body("results[2].error.error", containsString("truncated"))
                .body("results[3].result.predictions", hasSize(1));
    }

    @Test
    void aBatchThatIsWrongAsAWholeFailsWhole() {
        given().multiPart("image", GOLDFISH.toFile(), "image/jpeg").queryParam("topK", 0)
                .when().post("/api/classify/batch")
                .then().statusCode(400).body("error", containsString("topK"));
        given().multiPart("picture", GOLDFISH.toFile(), "image/jpeg")
                .when().post("/api/classify/batch")
                .then().statusCode(400).body("error", containsString("No image"));
    }

    @Test
    void textIsNotAnImage() {
        given().contentType("image/png").body("definitely not a png".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/classify")
                .then().statusCode(415).contentType(ContentType.JSON)
                .body("error", containsString("not an image"));
    }

    @Test
    void wrongContentTypeIs415Json() {
        given().contentType(ContentType.TEXT).body("hello")
                .when().post("/api/classify")
                .then().statusCode(415).contentType(ContentType.JSON).body("status", equalTo(415))
                .body("error", containsString("Content-Type: text/plain"))
                .body("error", containsString("multipart/form-data field 'image'"))
                .body("error", containsString("image/jpeg"))
                .body("error", containsString("curl -F image=@photo.jpg 'http://"))
                .body("error", not(containsString("@Consumes")));
    }

    /** curl's commonest mistake: --data-binary without a Content-Type sends application/x-www-form-urlencoded. */
    @Test
    void aMissingOrFormContentTypeIs415ThatShowsTheCurlThatWorks() throws Exception {
        HttpResponse<String> form = postGoldfish("/api/classify?topK=3", "application/x-www-form-urlencoded");
        assertEquals(415, form.statusCode(), form.body());
        assertTrue(form.body().contains("Content-Type: application/x-www-form-urlencoded"), form.body());
        assertTrue(form.body().contains("--data-binary @photo.jpg 'http://"), form.body());
        assertTrue(form.body().contains("/api/classify?topK=3'"), form.body());
        // no Content-Type at all: the body is taken as the raw image (application/octet-stream)
        HttpResponse<String> none = postGoldfish("/api/classify", null);
        assertEquals(200, none.statusCode(), none.body());
        assertTrue(none.body().contains("goldfish"), none.body());
        given().contentType(ContentType.TEXT).body("hi")
                .when().post("/api/classify/batch")
                .then().statusCode(415).body("error", containsString("each in a field 'image'"));
    }

    /** The goldfish as the body, with the given Content-Type or none (RestAssured always sends one). */
    private static HttpResponse<String> postGoldfish(String path, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestData.bytes(GOLDFISH)));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void corruptImageIs400() {
        byte[] jpeg = TestData.bytes(GOLDFISH);
        byte[] corrupt = Arrays.copyOf(jpeg, 600); // header intact, scan data cut off and scrambled
        for (int i = 400; i < corrupt.length; i++) {
            corrupt[i] = (byte) 0xFF;
        }
        given().contentType("image/jpeg").body(corrupt)
                .when().post("/api/classify")
                .then().statusCode(400).contentType(ContentType.JSON).body("error", containsString("damaged"));
    }

    @Test
    void truncatedJpegIs400() {
        given().contentType("image/jpeg").body(TestImages.firstThird(TestData.bytes(GOLDFISH)))
                .when().post("/api/classify")
                .then().statusCode(400).contentType(ContentType.JSON).body("error", containsString("truncated"));
    }

    @Test
    void malformedMultipartIs400AndTheServerKeepsServing() {
        for (String path : List.of("/api/classify", "/api/classify/batch")) {
            given().contentType(TestImages.WRONG_BOUNDARY_TYPE).body(TestImages.multipartWithWrongBoundary())
                    .when().post(path)
                    .then().statusCode(400).contentType(ContentType.JSON).body("error", containsString("multipart"));
        }
        given().contentType("image/jpeg").body(TestData.bytes(GOLDFISH)).post("/api/classify").then().statusCode(200);
    }

    @Test
    void hugePixelCountIs413() {
        given().contentType("image/png").body(TestImages.pngClaiming(20_000, 20_000))
                .when().post("/api/classify")
                .then().statusCode(413).body("error", containsString("20000×20000"));
    }

    @Test
    void badTopKIs400() {
        given().contentType("image/jpeg").body(TestData.bytes(GOLDFISH)).queryParam("topK", "many")
                .when().post("/api/classify")
                .then().statusCode(400).body("error", containsString("topK"));
        given().contentType("image/jpeg").body(TestData.bytes(GOLDFISH)).queryParam("topK", 1001)
                .when().post("/api/classify")
                .then().statusCode(400).body("error", containsString("between 1 and 1000"));
    }

    @Test
    void missingImageFieldIs400() {
        given().multiPart("picture", GOLDFISH.toFile(), "image/jpeg")
                .when().post("/api/classify")
                .then().statusCode(400).body("error", containsString("'image'"));
    }

    @Test
    void rootLeadsToThePageAndThePageIsServed() {
        given().redirects().follow(false).when().get("/")
                .then().statusCode(303).header("Location", endsWith("/classifier/"));
        given().when().get("/classifier/")
                .then().statusCode(200).body(containsString("Image classifier")).body(containsString("/ui/lantern.js"));
        given().when().get("/ui/lantern.js").then().statusCode(200).body(containsString("imagePicker"));
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'classifier' }.data.model", equalTo("ready"));
        given().contentType("image/jpeg").body(TestData.bytes(GOLDFISH)).post("/api/classify").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("lantern_batch_size"))
                .body(containsString("lantern_queue_depth"))
                .body(containsString("lantern_inference_seconds_bucket"))
                .body(containsString("http_server_requests_seconds_bucket"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/classify/batch"));
    }

    @Test
    void unknownPathIs404Json() {
        given().when().get("/api/nothing-here").then().statusCode(404).contentType(ContentType.JSON);
    }
}
