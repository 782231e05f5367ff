package dev.lantern.classifier;

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

/** A model file that is nowhere to be found: the app still starts and says how to get it. */
@QuarkusTest
@TestProfile(MissingModelTest.AbsentModel.class)
class MissingModelTest {

    public static class AbsentModel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lantern.classifier.model.url", "https://models.example/zoo/absent-model.onnx",
                    "lantern.classifier.model.sha256", "1".repeat(64),
                    "lantern.classifier.labels.url", "https://models.example/zoo/absent-labels.json",
                    "lantern.classifier.labels.sha256", "2".repeat(64),
                    "lantern.offline", "true");
        }
    }

    @Test
    void answers503WithHowToGetTheModelAndKeepsServing() throws InterruptedException {
        TaskReadiness.settled();
        given().contentType("image/jpeg").body(TestData.bytes(TestData.images().resolve("n01443537_goldfish.JPEG")))
                .when().post("/api/classify")
                .then().statusCode(503).contentType(ContentType.JSON)
                .header("Retry-After", Integer::parseInt, allOf(greaterThan(0), lessThanOrEqualTo(300)))
                .body("status", equalTo(503))
                .body("error", containsString("absent-model.onnx"))
                .body("error", containsString("https://models.example/zoo/absent-model.onnx"))
                .body("error", containsString("1".repeat(64)))
                // every missing file at once, not the next one after a retry 30 s later
                .body("error", containsString("2 model files are not available"))
                .body("error", containsString("https://models.example/zoo/absent-labels.json"))
                .body("error", containsString("2".repeat(64)))
                .body("error", containsString("LANTERN_MODELS_DIR"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks[0].data.model", equalTo("failed"))
                .body("checks[0].data.problem", containsString("absent-model.onnx"))
                .body("checks[0].data.problem", containsString("absent-labels.json"));
        given().when().get("/classifier/").then().statusCode(200);
        given().when().get("/api/tasks").then().statusCode(200)
                .body("[0].status", containsString("absent-model.onnx"));
    }
}
