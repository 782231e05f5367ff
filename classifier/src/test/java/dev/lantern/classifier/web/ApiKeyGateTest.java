package dev.lantern.classifier.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lantern.shared.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** With {@code lantern.security.api-keys} set, the APIs need a key; pages, their files and health do not. */
@QuarkusTest
@TestProfile(ApiKeysOn.class)
class ApiKeyGateTest {

    private static final Path GOLDFISH = TestData.images().resolve("n01443537_goldfish.JPEG");

    @Test
    void anApiWithoutAKeyAnswers401Json() {
        given().header("X-Request-Id", "no-key-1").when().get("/api/tasks").then().statusCode(401)
                .contentType("application/json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401)).body("requestId", equalTo("no-key-1"))
                .body("error", containsString("Authorization: Bearer"));
        given().contentType("image/jpeg").body(TestData.bytes(GOLDFISH)).when().post("/api/classify")
                .then().statusCode(401).body("status", equalTo(401));
        // a path that normalises to an API is an API
        given().urlEncodingEnabled(false).when().get("/classifier/../api/tasks").then().statusCode(401);
    }

    @Test
    void aWrongKeyAnswers401AndDoesNotEchoIt() {
        rejected(given().header("Authorization", "Bearer " + ApiKeysOn.KEY + "x").when().get("/api/tasks"))
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("error", equalTo("The API key is not valid."))
                .body(not(containsString(ApiKeysOn.KEY)));
        rejected(given().header("X-API-Key", ApiKeysOn.KEY.substring(1)).when().get("/api/tasks"));
        rejected(given().header("Authorization", "Basic " + ApiKeysOn.KEY).when().get("/api/tasks"));
    }

    private static ValidatableResponse rejected(Response response) {
        return response.then().statusCode(401).contentType("application/json").body("status", equalTo(401));
    }

    @Test
    void aValidKeyOpensTheApisInEitherHeader() {
        given().header("Authorization", "Bearer " + ApiKeysOn.KEY).when().get("/api/tasks").then().statusCode(200);
        given().header("authorization", "bearer " + ApiKeysOn.OTHER_KEY).when().get("/api/tasks").then()
                .statusCode(200);
        given().header("X-API-Key", ApiKeysOn.KEY).when().get("/api/tasks").then().statusCode(200);
        given().header("X-API-Key", ApiKeysOn.FILE_KEY).when().get("/api/tasks").then().statusCode(200);
        // classifying with a key: ClassifierApiKeyPageTest and PublicDeploymentIT
    }

    @Test
    void pagesTheirFilesAndHealthStayOpen() {
        given().when().get("/classifier/").then().statusCode(200);
        given().when().get("/ui/lantern.js").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aCorsPreflightNeedsNoKeyAndAllowsTheKeyHeaders() {
        given().header("Origin", ApiKeysOn.ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .when().options("/api/classify").then().statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo(ApiKeysOn.ORIGIN))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Headers", containsString("X-API-Key"));
        // the refusal itself is readable by the allowed origin's page
        given().header("Origin", ApiKeysOn.ORIGIN).when().get("/api/tasks").then().statusCode(401)
                .header("Access-Control-Allow-Origin", equalTo(ApiKeysOn.ORIGIN));
    }

    @Test
    void eachKeyHasItsOwnRateLimit() {
        for (int i = 0; i < ApiKeysOn.BURST; i++) {
            given().header("X-API-Key", ApiKeysOn.LIMITED_KEY).when().get("/api/tasks").then().statusCode(200);
        }
        given().header("X-API-Key", ApiKeysOn.LIMITED_KEY).when().get("/api/tasks").then().statusCode(429)
                .contentType("application/json").header("Retry-After", notNullValue())
                .body("status", equalTo(429));
        given().header("X-API-Key", ApiKeysOn.OTHER_KEY).when().get("/api/tasks").then().statusCode(200);
    }

    @Test
    void refusalsAreCounted() {
        double before = rejected("unauthorized");
        given().when().get("/api/tasks").then().statusCode(401);
        given().header("X-API-Key", "nope").when().get("/api/tasks").then().statusCode(401);
        assertEquals(before + 2, rejected("unauthorized"));
    }

    static double rejected(String reason) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("lantern_http_rejected_total{")
                        && line.contains("reason=\"" + reason + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + reason + " counter in /q/metrics"));
    }
}
