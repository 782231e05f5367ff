package dev.lantern.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.classifier.web.ApiKeysOn;
import dev.lantern.shared.testing.TaskReadiness;
import dev.lantern.shared.testing.TestData;
import dev.lantern.web.browser.BrowserPageTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** With API keys on, the page asks for a key after a 401, keeps it, sends it, and can forget it. */
@QuarkusTest
@TestProfile(ApiKeysOn.class)
@Tag("browser")
class ClassifierApiKeyPageTest extends BrowserPageTest {

    private static final Path GOLDFISH = TestData.images().resolve("n01443537_goldfish.JPEG");

    @TestHTTPResource("/classifier/")
    URL page;

    @BeforeEach
    void openPageWithoutAKey() throws InterruptedException {
        TaskReadiness.await("classifier");
        browser.get(page.toString());
        browser.executeScript("localStorage.clear()");
        browser.navigate().refresh();
    }

    private void chooseTheGoldfish() {
        browser.findElement(By.cssSelector("#drop input[type=file]")).sendKeys(GOLDFISH.toString());
    }

    @Test
    void a401ShowsTheKeyFieldAndTheEnteredKeyIsSent() {
        assertTrue(browser.findElements(By.id("api-key")).isEmpty(), "no key field before the server asks");
        chooseTheGoldfish();
        WebElement error = waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertTrue(error.getText().contains("needs a key"), error.getText());
        WebElement field = waitUpTo(5).until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key")));
        assertEquals("password", field.getAttribute("type"));

        field.sendKeys(ApiKeysOn.KEY);
        browser.findElement(By.cssSelector(".api-key-form button[type=submit]")).click();
        waitUpTo(5).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".api-key-forget")));
        chooseTheGoldfish();
        waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#predictions li")));
        assertEquals("goldfish", browser.findElement(By.cssSelector("#predictions .label")).getText());
        waitUpTo(5).until(d -> !d.findElement(By.id("error")).isDisplayed());

        // kept across a reload; forgetting it asks again
        browser.navigate().refresh();
        browser.findElement(By.cssSelector(".api-key-forget")).click();
        assertEquals(null, browser.executeScript("return localStorage.getItem('lantern.apiKey')"));
        assertTrue(browser.findElement(By.id("api-key")).isDisplayed());
    }

    @Test
    void aWrongKeyIsRefusedAndTheFieldShownAgain() {
        browser.executeScript("localStorage.setItem('lantern.apiKey', 'not-a-key')");
        browser.navigate().refresh();
        chooseTheGoldfish();
        WebElement error = waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertTrue(error.getText().contains("not valid"), error.getText());
        assertTrue(waitUpTo(5).until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key"))).isDisplayed());
    }
}
