package dev.lantern.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.shared.testing.TaskReadiness;
import dev.lantern.shared.testing.TestData;
import dev.lantern.web.browser.BrowserPageTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The classifier page in real headless Chromium: choose, drop and paste an image, see its label or an error. */
@QuarkusTest
@Tag("browser")
class ClassifierPageTest extends BrowserPageTest {

    @TestHTTPResource("/")
    URL root;


    @BeforeEach
    void openPage() throws InterruptedException {
        TaskReadiness.await("classifier");
        browser.get(root.toString()); // the root redirects a lone app to its page
        assertTrue(browser.getCurrentUrl().endsWith("/classifier/"), browser.getCurrentUrl());
    }

    private List<String> shownLabels() {
        waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#predictions li")));
        return browser.findElements(By.cssSelector("#predictions .label")).stream().map(WebElement::getText).toList();
    }

    @Test
    void choosingAFileShowsItsLabelAndThePreview() {
        Path goldfish = TestData.images().resolve("n01443537_goldfish.JPEG");
        browser.findElement(By.cssSelector("#drop input[type=file]")).sendKeys(goldfish.toString());

        List<String> labels = shownLabels();
        assertEquals("goldfish", labels.get(0));
        assertEquals(5, labels.size());
        assertTrue(browser.findElement(By.cssSelector("#drop img")).isDisplayed());
        assertEquals("false", browser.findElement(By.id("result")).getAttribute("aria-busy"));
        assertTrue(browser.findElement(By.id("meta")).getText().contains("mobilenetv2-12-int8"));
        assertTrue(browser.findElement(By.id("copy")).isDisplayed(), "a Copy button for the labels");

        // fewer labels: the select re-runs the request for the same image
        new Select(browser.findElement(By.id("topk"))).selectByVisibleText("1");
        waitUpTo(30).until(d -> d.findElements(By.cssSelector("#predictions li")).size() == 1);
    }

    @Test
    void theExamplePhotosAreClassifiedFromTheKeyboard() {
        List<WebElement> examples = browser.findElements(By.cssSelector("#examples button[data-photo]"));
        assertEquals(3, examples.size());
        for (WebElement example : examples) {
            // each thumbnail is a real photo the browser could draw, not a broken image
            Number width = (Number) browser.executeScript("return arguments[0].querySelector('img').naturalWidth",
                    example);
            assertTrue(width.intValue() > 100, example.getText());
        }
        examples.get(0).sendKeys(Keys.ENTER); // coffee

        assertEquals("espresso", shownLabels().get(0));
        assertTrue(browser.findElement(By.cssSelector("#drop img")).isDisplayed(), "the example shows as the choice");
        assertTrue(browser.findElement(By.id("again")).isEnabled());
    }

    @Test
    void droppingAndPastingAnImageClassifyIt() {
        String mouse = Base64.getEncoder().encodeToString(
                TestData.bytes(TestData.images().resolve("n03793489_mouse.JPEG")));
        browser.executeScript("""
                const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
                const file = new File([bytes], 'mouse.jpg', {type: 'image/jpeg'});
                const data = new DataTransfer();
                data.items.add(file);
                document.getElementById('drop').dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true}));
                """, mouse);
        assertTrue(shownLabels().contains("computer mouse"));

        browser.executeScript("document.getElementById('predictions').replaceChildren()");
        String goldfish = Base64.getEncoder().encodeToString(
                TestData.bytes(TestData.images().resolve("n01443537_goldfish.JPEG")));
        browser.executeScript("""
                const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
                const data = new DataTransfer();
                data.items.add(new File([bytes], 'pasted.jpg', {type: 'image/jpeg'}));
                document.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true}));
                """, goldfish);
        assertEquals("goldfish", shownLabels().get(0));
    }

    @Test
    void aNonImageShowsAReadableError(@TempDir Path folder) throws IOException {
        Path text = folder.resolve("not-an-image.jpg");
        Files.writeString(text, "this is text", StandardCharsets.UTF_8);
        browser.findElement(By.cssSelector("#drop input[type=file]")).sendKeys(text.toString());

        WebElement error = waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertTrue(error.getText().contains("not an image"), error.getText());
        assertTrue(browser.findElements(By.cssSelector("#predictions li")).isEmpty());
        // the file cannot be drawn either: the drop zone shows its hint again, not a broken-image icon
        waitUpTo(5).until(d -> !d.findElement(By.cssSelector("#drop img")).isDisplayed());
        assertTrue(browser.findElement(By.cssSelector("#drop .hint")).isDisplayed());
    }

    @Test
    void aRejectedFileTakesThePreviousImageAndLabelsAway() {
        browser.findElement(By.cssSelector("#drop input[type=file]"))
                .sendKeys(TestData.images().resolve("n01443537_goldfish.JPEG").toString());
        assertEquals("goldfish", shownLabels().get(0));
        browser.executeScript("""
                const data = new DataTransfer();
                data.items.add(new File(['plain words'], 'notes.txt', {type: 'text/plain'}));
                document.getElementById('drop').dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true}));
                """);
        WebElement error = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertTrue(error.getText().contains("not an image"), error.getText());
        assertTrue(browser.findElements(By.cssSelector("#predictions li")).isEmpty(), "the goldfish labels stayed");
        assertTrue(!browser.findElement(By.cssSelector("#drop img")).isDisplayed(), "the goldfish photo stayed");
        assertTrue(browser.findElement(By.id("again")).getAttribute("disabled") != null);
    }

    @Test
    void theDropZoneIsOneControlForAssistiveTechnology() {
        // the hidden file input would otherwise show as a "Choose File" button nested in the zone's button
        assertEquals("true", browser.findElement(By.cssSelector("#drop input[type=file]")).getAttribute("aria-hidden"));
        assertEquals("button", browser.findElement(By.id("drop")).getAttribute("role"));
    }

    @Test
    void onATouchPhoneTheHintSaysTapAndTheAnswerScrollsIntoView() {
        browser.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 1, "mobile", true));
        try {
            browser.navigate().refresh();
            WebElement hint = browser.findElement(By.cssSelector("#drop .hint"));
            assertEquals("Tap to choose a photo or take one.", hint.getText());
            browser.findElement(By.cssSelector("#drop input[type=file]"))
                    .sendKeys(TestData.images().resolve("n01443537_goldfish.JPEG").toString());
            assertEquals("goldfish", shownLabels().get(0));
            // the page scrolled down to the labels, which sit below the drop zone on a phone
            String where = """
                    const r = document.getElementById('predictions').getBoundingClientRect();
                    return window.scrollY + ' ' + r.top + ' ' + window.innerHeight + ' '
                        + document.documentElement.scrollHeight;""";
            try {
                waitUpTo(10).until(d -> {
                    String[] v = ((String) browser.executeScript(where)).split(" ");
                    return Double.parseDouble(v[0]) > 0 && Double.parseDouble(v[1]) >= 0
                            && Double.parseDouble(v[1]) < Double.parseDouble(v[2]);
                });
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("scrollY, labels' top, viewport, page: " + browser.executeScript(where), e);
            }
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            browser.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
        }
    }

    @Test
    void theDropZoneWorksFromTheKeyboard() {
        WebElement zone = browser.findElement(By.id("drop"));
        zone.sendKeys(Keys.TAB); // focusable
        browser.executeScript("arguments[0].focus()", zone);
        assertEquals(zone, browser.switchTo().activeElement());
        // Enter opens the chooser: observe the click on the hidden input rather than a native dialog
        browser.executeScript("""
                window.__opened = false;
                document.querySelector('#drop input[type=file]').addEventListener('click', e => {
                  window.__opened = true; e.preventDefault(); });
                """);
        zone.sendKeys(Keys.ENTER);
        assertEquals(Boolean.TRUE, browser.executeScript("return window.__opened"));
    }

    @Test
    void aSlowOlderAnswerDoesNotOverwriteANewerOne() {
        // the first request's answer is held back 1.5 s in the browser, so it would arrive after the second
        browser.executeScript("""
                const realFetch = window.fetch;
                let calls = 0;
                window.fetch = (url, options) => calls++ === 0
                    ? new Promise(r => setTimeout(r, 1500)).then(() => realFetch(url, options))
                    : realFetch(url, options);
                """);
        WebElement chooser = browser.findElement(By.cssSelector("#drop input[type=file]"));
        chooser.sendKeys(TestData.images().resolve("n04065272_recreational_vehicle.JPEG").toString());
        chooser.sendKeys(TestData.images().resolve("n01443537_goldfish.JPEG").toString());

        assertEquals("goldfish", shownLabels().get(0));
        waitUpTo(10).until(d -> "false".equals(d.findElement(By.id("result")).getAttribute("aria-busy")));
        sleepPastTheHeldBackAnswer();
        assertEquals("goldfish", shownLabels().get(0), "the older request's labels replaced the newer ones");
        assertTrue(browser.findElement(By.id("error")).getText().isEmpty());
    }

    private static void sleepPastTheHeldBackAnswer() {
        try {
            Thread.sleep(2500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
