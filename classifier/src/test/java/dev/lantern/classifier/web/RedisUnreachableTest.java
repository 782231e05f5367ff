package dev.lantern.classifier.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Shared rate limits whose Redis cannot be reached (nothing listens on its port): by default each replica limits on
 * its own, and /q/health says so; no request gets a 500.
 */
@QuarkusTest
@TestProfile(RedisUnreachableTest.DeadRedis.class)
class RedisUnreachableTest {

    public static class DeadRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lantern.security.rate-limit.requests-per-minute", "4",
                    "lantern.security.rate-limit.redis-url", "redis://127.0.0.1:" + closedPort());
        }
    }

    @Test
    void eachReplicaLimitsOnItsOwnAndHealthSaysSo() {
        for (int i = 0; i < 2; i++) {
            given().when().get("/api/tasks").then().statusCode(200);
        }
        given().when().get("/api/tasks").then().statusCode(429)
                .body("error", containsString("at most 4 in any minute, 2 of them at once"));
        given().when().get("/q/health").then().statusCode(200)
                .body("checks.find { it.name == 'rate limit' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'rate limit' }.data.counted",
                        containsString("per replica while Redis at 127.0.0.1:"))
                .body("checks.find { it.name == 'rate limit' }.data.counted", containsString("cannot be reached"));
    }

    /** A loopback port that nothing listens on. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
