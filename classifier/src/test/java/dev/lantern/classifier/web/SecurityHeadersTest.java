package dev.lantern.classifier.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Every answer, page, file, API, error or health, carries the security headers; Swagger UI gets its own policy. */
@QuarkusTest
class SecurityHeadersTest {

    private static final String PAGE_POLICY = "default-src 'self'; img-src 'self' blob:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Test
    void pagesFilesApisAndErrorsCarryTheHeaders() {
        for (String path : new String[] {"/classifier/", "/ui/lantern.js", "/ui/lantern.css", "/favicon.svg",
                "/api/tasks", "/q/health/ready", "/no/such/file.js"}) {
            secure(given().when().get(path).then());
        }
        secure(given().contentType("image/jpeg").body(new byte[] {1, 2, 3}).when().post("/api/classify").then()
                .statusCode(415));
    }

    @Test
    void swaggerUiMayRunItsInlineScriptButNothingForeign() {
        given().when().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", allOf(containsString("script-src 'self' 'unsafe-inline'"),
                        containsString("frame-ancestors 'none'"), not(containsString("*"))))
                .header("X-Content-Type-Options", "nosniff");
    }

    private static void secure(ValidatableResponse response) {
        response.header("Content-Security-Policy", equalTo(PAGE_POLICY))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("no-referrer"));
    }
}
