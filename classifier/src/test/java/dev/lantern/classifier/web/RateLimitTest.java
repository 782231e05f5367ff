package dev.lantern.classifier.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keys off, a rate limit on: per client address, which a client cannot change by sending X-Forwarded-For. */
@QuarkusTest
@TestProfile(RateLimitTest.ThreeAMinute.class)
class RateLimitTest {

    static final int PER_MINUTE = 3;
    /** The default burst: half the minute's number, rounded up. */
    static final int BURST = 2;

    public static class ThreeAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lantern.security.rate-limit.requests-per-minute", Integer.toString(PER_MINUTE));
        }
    }

    @Test
    void overTheLimitAnAddressGets429WithRetryAfter() {
        double before = ApiKeyGateTest.rejected("rate_limited");
        for (int i = 0; i < BURST; i++) {
            given().header("X-Forwarded-For", "203.0.113." + i).when().get("/api/tasks").then().statusCode(200);
        }
        String retryAfter = given().header("X-Forwarded-For", "198.51.100.7").header("X-Request-Id", "limited-1")
                .when().get("/api/tasks").then().statusCode(429).contentType("application/json")
                .body("status", equalTo(429)).body("requestId", equalTo("limited-1"))
                .body("error", equalTo("Too many requests: at most 3 in any minute, 2 of them at once; try again in "
                        + "30 s."))
                .extract().header("Retry-After");
        // at most 3 in any minute once 2 went at once: the bucket refills 2 a minute, the next in 30 s
        assertEquals("30", retryAfter);
        assertEquals(before + 1, ApiKeyGateTest.rejected("rate_limited"));

        // pages and health are not limited
        given().when().get("/classifier/").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'rate limit' }.data.counted", equalTo("per replica"));
    }
}
