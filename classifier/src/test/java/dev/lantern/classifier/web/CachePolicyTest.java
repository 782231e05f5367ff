package dev.lantern.classifier.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Pages and their files are revalidated on every use (so an upgrade reaches a returning user at once, and an
 * unchanged file costs a 304); API answers are never stored.
 */
@QuarkusTest
class CachePolicyTest {

    @Test
    void pagesAndTheirFilesRevalidate() {
        for (String path : new String[] {"/classifier/", "/classifier/classifier.js", "/ui/lantern.js",
                "/ui/lantern.css", "/favicon.svg"}) {
            String lastModified = given().when().get(path).then().statusCode(200)
                    .header("Cache-Control", equalTo("no-cache"))
                    .header("Last-Modified", notNullValue())
                    .extract().header("Last-Modified");
            given().header("If-Modified-Since", lastModified).when().get(path).then().statusCode(304)
                    .header("Cache-Control", equalTo("no-cache"));
        }
    }

    @Test
    void apiAnswersAreNeverStored() {
        given().when().get("/api/tasks").then().statusCode(200).header("Cache-Control", equalTo("no-store"));
        given().contentType("image/jpeg").body(new byte[] {1, 2, 3}).when().post("/api/classify")
                .then().statusCode(415).header("Cache-Control", equalTo("no-store"));
        given().when().get("/q/health/ready").then().header("Cache-Control", equalTo("no-store"));
    }
}
