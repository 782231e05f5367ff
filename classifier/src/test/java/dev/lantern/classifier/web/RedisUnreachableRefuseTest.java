package dev.lantern.classifier.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fail-closed shared rate limits without their Redis: the APIs answer 503 with Retry-After, never 500. */
@QuarkusTest
@TestProfile(RedisUnreachableRefuseTest.DeadRedisRefusing.class)
class RedisUnreachableRefuseTest {

    public static class DeadRedisRefusing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lantern.security.rate-limit.requests-per-minute", "4",
                    "lantern.security.rate-limit.redis-url", "redis://127.0.0.1:" + RedisUnreachableTest.closedPort(),
                    "lantern.security.rate-limit.when-redis-down", "refuse");
        }
    }

    @Test
    void theApisAnswer503AndHealthSaysWhy() {
        given().header("X-Request-Id", "no-redis-1").when().get("/api/tasks").then().statusCode(503)
                .header("Retry-After", "5").contentType("application/json")
                .body("error", equalTo("The rate limit cannot be checked right now; try again in 5 s."))
                .body("requestId", equalTo("no-redis-1"));
        given().when().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'rate limit' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'rate limit' }.data.counted",
                        containsString("not at all: the APIs answer 503 while Redis at 127.0.0.1:"));
        // the replica stays in its load balancer: the outage is the same for all of them
        given().when().get("/q/health/ready").then().statusCode(200);
        // pages are not behind the limit
        given().when().get("/classifier/").then().statusCode(200);
    }
}
