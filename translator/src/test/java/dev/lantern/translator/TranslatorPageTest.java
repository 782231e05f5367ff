package dev.lantern.translator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.web.browser.BrowserPageTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The translator page in real headless Chromium, over the tiny trained en-de model. */
@QuarkusTest
@WithTestResource(TinyModels.class)
@Tag("browser")
class TranslatorPageTest extends BrowserPageTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    TranslationService translator;

    @BeforeEach
    void openPage() throws InterruptedException {
        TranslatorReady.await(translator, "en-de");
        browser.get(root.toString()); // the root redirects a lone app to its page
        assertTrue(browser.getCurrentUrl().endsWith("/translator/"), browser.getCurrentUrl());
        waitUpTo(10).until(d -> d.findElements(By.cssSelector("#target option")).size() == 3);
    }

    private String translationAfter(Runnable action) {
        WebElement output = browser.findElement(By.id("translation"));
        browser.executeScript("arguments[0].value = ''", output);
        action.run();
        waitUpTo(30).until(d -> !output.getAttribute("value").isEmpty()
                || d.findElement(By.id("error")).isDisplayed());
        return output.getAttribute("value");
    }

    @Test
    void detectsTranslatesFromTheKeyboardAndSwaps() {
        assertEquals("de", new Select(browser.findElement(By.id("target"))).getFirstSelectedOption()
                .getAttribute("value"));
        assertTrue(browser.findElement(By.id("pairs-note")).getText().contains("English → French (no model yet)"),
                browser.findElement(By.id("pairs-note")).getText());
        WebElement text = browser.findElement(By.id("text"));
        text.sendKeys("The old woman reads the paper every morning while the man eats his breakfast.");
        String detected = translationAfter(() -> browser.findElement(By.id("go")).click());
        assertTrue(!detected.isBlank());
        assertEquals("Detected language: English (en)", browser.findElement(By.id("detected")).getText());
        assertEquals("false", browser.findElement(By.id("result")).getAttribute("aria-busy"));

        text.clear();
        text.sendKeys("The red dog runs.");
        text.sendKeys(Keys.ENTER, "The man eats.");
        String translated = translationAfter(() -> text.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER)));
        assertEquals("Der rote hund läuft.\nDer mann isst.", translated);
        assertTrue(browser.findElement(By.id("meta")).getText().contains("lantern-transformer-en-de"));

        // swap: German → English, the translation becomes the text to translate back
        browser.findElement(By.id("swap")).click();
        assertEquals("de", new Select(browser.findElement(By.id("source"))).getFirstSelectedOption()
                .getAttribute("value"));
        assertEquals("en", new Select(browser.findElement(By.id("target"))).getFirstSelectedOption()
                .getAttribute("value"));
        assertEquals("Der rote hund läuft.\nDer mann isst.", text.getAttribute("value"));
        assertEquals("", browser.findElement(By.id("translation")).getAttribute("value"));
    }

    @Test
    void errorsAreReadableIncludingAPairWithNoModelYet() {
        browser.findElement(By.id("go")).click();
        WebElement error = waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertTrue(error.getText().contains("empty"), error.getText());

        browser.findElement(By.id("text")).sendKeys("The man eats.");
        new Select(browser.findElement(By.id("source"))).selectByValue("en");
        new Select(browser.findElement(By.id("target"))).selectByValue("fr");
        browser.findElement(By.id("go")).click();
        waitUpTo(30).until(d -> d.findElement(By.id("error")).getText().contains("no trained model yet"));
        String message = browser.findElement(By.id("error")).getText();
        assertTrue(message.contains("TrainTranslator --source en --target fr"), message);
        assertEquals("", browser.findElement(By.id("translation")).getAttribute("value"));
    }
}
