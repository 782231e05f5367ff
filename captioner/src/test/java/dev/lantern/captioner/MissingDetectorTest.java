package dev.lantern.captioner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import dev.lantern.shared.testing.TaskReadiness;
import dev.lantern.shared.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A detector file that is nowhere to be found: the app still starts, says how to get it, and classifies. */
@QuarkusTest
@TestProfile(MissingDetectorTest.AbsentDetector.class)
class MissingDetectorTest {

    public static class AbsentDetector implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lantern.captioner.detector.model.url", "https://models.example/zoo/absent-detector.onnx",
                    "lantern.captioner.detector.model.sha256", "2".repeat(64),
                    "lantern.offline", "true");
        }
    }

    @Test
    void answers503WithHowToGetTheDetectorAndTheClassifierKeepsServing() throws InterruptedException {
        TaskReadiness.settled();
        byte[] goldfish = TestData.bytes(TestData.images().resolve("n01443537_goldfish.JPEG"));
        given().contentType("image/jpeg").body(goldfish)
                .when().post("/api/caption")
                .then().statusCode(503).contentType(ContentType.JSON)
                .header("Retry-After", Integer::parseInt, allOf(greaterThan(0), lessThanOrEqualTo(300)))
                .body("status", equalTo(503))
                .body("error", containsString("absent-detector.onnx"))
                .body("error", containsString("https://models.example/zoo/absent-detector.onnx"))
                .body("error", containsString("LANTERN_MODELS_DIR"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'captioner' }.data.model", equalTo("failed"))
                .body("checks.find { it.name == 'captioner' }.data.problem", containsString("absent-detector.onnx"));
        given().when().get("/api/tasks").then().statusCode(200)
                .body("find { it.id == 'captioner' }.status", containsString("absent-detector.onnx"));
        given().when().get("/captioner/").then().statusCode(200);
        given().contentType("image/jpeg").body(goldfish).when().post("/api/classify")
                .then().statusCode(200).body("predictions[0].label", equalTo("goldfish"));
    }
}
