package dev.lantern.classifier.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code lantern.web.cors-origins} opens the APIs to the pages of the origins listed, and to no other. */
@QuarkusTest
@TestProfile(CorsOriginsTest.OneOrigin.class)
class CorsOriginsTest {

    static final String ALLOWED = "https://app.example.org";

    public static class OneOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lantern.web.cors-origins", ALLOWED + ",https://other.example.org");
        }
    }

    @Test
    void aListedOriginMayCallTheApis() {
        given().header("Origin", ALLOWED).when().get("/api/tasks").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED))
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"))
                .header("Vary", containsString("Origin"));
        given().header("Origin", ALLOWED).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .when().options("/api/classify").then().statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Content-Type"));
    }

    @Test
    void anotherOriginGetsNoPermission() {
        given().header("Origin", "https://evil.example.net").when().get("/api/tasks").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example.net").header("Access-Control-Request-Method", "POST")
                .when().options("/api/classify").then()
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue());
    }
}
