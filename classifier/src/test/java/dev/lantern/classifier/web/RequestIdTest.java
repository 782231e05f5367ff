package dev.lantern.classifier.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.shared.testing.LogLines;
import dev.lantern.web.error.ErrorMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every answer names its request; an error's body and its log line name the same one. */
@QuarkusTest
class RequestIdTest {

    private LogLines errors;

    @BeforeEach
    void listen() {
        errors = LogLines.of(ErrorMapper.class);
    }

    @AfterEach
    void stopListening() {
        errors.close();
    }

    @Test
    void everyAnswerGetsAFreshId() {
        String first = given().when().get("/classifier/").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f]{16}")).extract().header("X-Request-Id");
        String second = given().when().get("/api/tasks").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f]{16}")).extract().header("X-Request-Id");
        assertNotEquals(first, second);
    }

    @Test
    void aCallersSafeIdIsKeptAndAnUnsafeOneReplaced() {
        given().header("X-Request-Id", "proxy-7f3a.2").when().get("/api/tasks").then()
                .header("X-Request-Id", equalTo("proxy-7f3a.2"));
        given().header("X-Request-Id", "x\"; drop <script>").when().get("/api/tasks").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f]{16}"));
        given().header("X-Request-Id", "a".repeat(65)).when().get("/api/tasks").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f]{16}"));
    }

    @Test
    void anErrorCarriesItsIdInTheBodyAndTheLogLine() {
        String id = given().contentType("image/jpeg").body(new byte[] {1, 2, 3}).when().post("/api/classify")
                .then().statusCode(415).extract().header("X-Request-Id");
        given().contentType("image/jpeg").body(new byte[] {1, 2, 3}).when().post("/api/classify")
                .then().statusCode(415).body("requestId", matchesPattern("[0-9a-f]{16}"));
        String sent = given().header("X-Request-Id", "client-42").contentType("image/jpeg").body(new byte[] {1, 2, 3})
                .when().post("/api/classify")
                .then().statusCode(415).body("requestId", equalTo("client-42")).extract().header("X-Request-Id");
        assertEquals("client-42", sent);
        assertTrue(errors.lines().stream().anyMatch(line -> line.contains(id) && line.contains("415")), errors.lines().toString());
        assertTrue(errors.lines().stream().anyMatch(line -> line.contains("client-42")), errors.lines().toString());
    }
}
