package dev.lantern.classifier.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** With no {@code lantern.web.cors-origins} (the default) no origin, not even a plausible one, gets permission. */
@QuarkusTest
class CorsClosedTest {

    @Test
    void noOriginMayCallTheApis() {
        given().header("Origin", CorsOriginsTest.ALLOWED).when().get("/api/tasks").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", CorsOriginsTest.ALLOWED).header("Access-Control-Request-Method", "POST")
                .when().options("/api/classify").then()
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue());
    }
}
