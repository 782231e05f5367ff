package dev.lantern.classifier.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code lantern.web.frame-ancestors} lets chosen sites frame the pages; X-Frame-Options, all or nothing, goes. */
@QuarkusTest
@TestProfile(FrameAncestorsTest.Intranet.class)
class FrameAncestorsTest {

    public static class Intranet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lantern.web.frame-ancestors", "'self' https://intranet.example.org");
        }
    }

    @Test
    void theListedSitesMayFrameThePages() {
        given().when().get("/classifier/").then().statusCode(200)
                .header("Content-Security-Policy", endsWith("; frame-ancestors 'self' https://intranet.example.org"))
                .header("X-Frame-Options", nullValue());
    }
}
