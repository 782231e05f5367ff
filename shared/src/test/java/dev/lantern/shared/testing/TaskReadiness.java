package dev.lantern.shared.testing;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;

/**
 * Waits for an app's models through its HTTP API, as a user would: {@code /q/health/ready} answers 200 once no model
 * is loading any more; a task's check then says in its data whether its model is ready or failed (a failed model does
 * not hold readiness back). Over HTTP, so the same tests run in the JVM ({@code @QuarkusTest}) and against the
 * packaged jar ({@code @QuarkusIntegrationTest}); REST Assured is pointed at the app by either.
 */
public final class TaskReadiness {

    private static final long TIMEOUT_NANOS = 120_000_000_000L;

    private TaskReadiness() {}

    /** Waits until nothing loads any more and returns the readiness answer. */
    public static JsonPath settled() throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        Response response = given().get("/q/health/ready");
        while (response.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            response = given().get("/q/health/ready");
        }
        if (response.statusCode() != 200) {
            throw new AssertionError("still not ready after 120 s: " + response.asString());
        }
        return response.jsonPath();
    }

    /** Waits until nothing loads any more, then checks that each named check's {@code model} is ready. */
    public static void await(String... checks) throws InterruptedException {
        JsonPath readiness = settled();
        for (String check : checks) {
            ready(readiness, check, "model");
        }
    }

    /** As {@link #await}, for a check that reports several models by key (the translator's pairs). */
    public static void awaitModel(String check, String model) throws InterruptedException {
        ready(settled(), check, model);
    }

    private static void ready(JsonPath readiness, String check, String model) {
        Map<String, Object> data = data(readiness, check);
        if (!"ready".equals(data.get(model))) {
            throw new AssertionError(check + " " + model + " is not ready: " + data);
        }
    }

    /** The data of the check named {@code check}. */
    public static Map<String, Object> data(JsonPath readiness, String check) {
        Map<String, Object> data = readiness.getMap("checks.find { it.name == '" + check + "' }.data");
        if (data == null) {
            throw new AssertionError("no readiness check named " + check + ": " + readiness.prettify());
        }
        return data;
    }
}
