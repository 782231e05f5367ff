package dev.lantern.classifier.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A page's address typed without its final slash leads to the page, not to a JSON 404. */
@QuarkusTest
class PageSlashTest {

    @Test
    void thePagePathWithoutItsSlashRedirectsToThePage() {
        given().redirects().follow(false).when().get("/classifier")
                .then().statusCode(301).header("Location", equalTo("/classifier/"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        given().redirects().follow(false).when().get("/classifier?topK=3")
                .then().statusCode(301).header("Location", equalTo("/classifier/?topK=3"));
        given().when().get("/classifier").then().statusCode(200).body(containsString("Image classifier"));
        given().when().get("/classifier/").then().statusCode(200).body(containsString("Image classifier"));
    }

    @Test
    void otherPathsStillAnswerTheirOwnStatus() {
        given().redirects().follow(false).when().get("/classifierx").then().statusCode(404);
        given().redirects().follow(false).when().get("/api/tasks").then().statusCode(200);
    }
}
