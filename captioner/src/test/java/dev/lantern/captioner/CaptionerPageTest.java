package dev.lantern.captioner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.shared.testing.TaskReadiness;
import dev.lantern.shared.testing.TestData;
import dev.lantern.shared.testing.bench.PhonePhoto;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The captioner page in real headless Chromium: choose, drop and paste an image; caption, boxes, errors. */
@QuarkusTest
@Tag("browser")
class CaptionerPageTest extends BrowserPageTest {

    @TestHTTPResource("/captioner/")
    URL page;

    @BeforeEach
    void openPage() throws InterruptedException {
        TaskReadiness.await("captioner", "classifier");
        browser.get(page.toString());
    }

    private String shownCaption() {
        return waitUpTo(30).until(d -> {
            String text = d.findElement(By.id("caption")).getText();
            return text.isEmpty() ? null : text;
        });
    }

    @Test
    void choosingAFileShowsTheCaptionAndTheBoxesOverTheImage() {
        Path mouse = TestData.images().resolve("n03793489_mouse.JPEG");
        browser.findElement(By.cssSelector("#drop input[type=file]")).sendKeys(mouse.toString());

        assertTrue(shownCaption().contains("mouse"), shownCaption());
        assertEquals("false", browser.findElement(By.id("result")).getAttribute("aria-busy"));
        WebElement figure = browser.findElement(By.id("figure"));
        assertTrue(figure.isDisplayed());
        List<WebElement> boxes = figure.findElements(By.cssSelector(".box"));
        List<String> labels = boxes.stream().map(WebElement::getText).toList();
        assertTrue(labels.containsAll(List.of("tv", "mouse", "keyboard", "person")), labels.toString());
        // the boxes lie over the shown image: inside its rectangle, and the TV box is a large part of it
        WebElement image = browser.findElement(By.id("shown"));
        var frame = image.getRect();
        for (WebElement box : boxes) {
            var r = box.getRect();
            assertTrue(r.getX() >= frame.getX() - 2 && r.getX() + r.getWidth() <= frame.getX() + frame.getWidth() + 2
                    && r.getY() >= frame.getY() - 2
                    && r.getY() + r.getHeight() <= frame.getY() + frame.getHeight() + 2, box.getText() + " " + r);
        }
        var tv = boxes.get(labels.indexOf("tv")).getRect();
        assertTrue(tv.getWidth() * tv.getHeight() > 0.1 * frame.getWidth() * frame.getHeight(), tv.toString());
        assertTrue(browser.findElements(By.cssSelector("#tags li")).size() == 5);
        assertTrue(browser.findElement(By.id("meta")).getText().contains("yolox-nano"));

        // the detail select asks again for the same image
        new Select(browser.findElement(By.id("detail"))).selectByValue("list");
        waitUpTo(30).until(d -> d.findElement(By.id("caption")).getText().contains("Also visible"));
    }

    /**
     * A 12-megapixel phone photo, decoded at 1/8 on the server: the answer is in the photo's pixels, and the page
     * still lays the boxes over the shown photo. A screenshot is left in target/ for a person to look at.
     */
    @Test
    void aPhonePhotosBoxesLieOverTheShownPhoto(@TempDir Path folder) throws IOException {
        Path phone = Files.write(folder.resolve("phone-4032x3024.jpg"),
                PhonePhoto.from(TestData.images().resolve("n03793489_mouse.JPEG")));
        browser.findElement(By.cssSelector("#drop input[type=file]")).sendKeys(phone.toString());
        assertTrue(shownCaption().contains("mouse"), shownCaption());
        waitUpTo(10).until(d -> d.findElement(By.id("shown")).getRect().getWidth() > 0);
        WebElement image = browser.findElement(By.id("shown"));
        var frame = image.getRect();
        List<WebElement> boxes = browser.findElements(By.cssSelector("#figure .box"));
        List<String> labels = boxes.stream().map(WebElement::getText).toList();
        // the TV fills the left of the photo: its box starts near the left edge and covers about a third of the width
        var tv = boxes.get(labels.indexOf("tv")).getRect();
        assertTrue(tv.getX() - frame.getX() < 0.05 * frame.getWidth(), tv + " in " + frame);
        assertTrue(tv.getWidth() > 0.3 * frame.getWidth(), tv + " in " + frame);
        var mouse = boxes.get(labels.indexOf("mouse")).getRect();
        assertTrue(mouse.getX() > frame.getX() + 0.4 * frame.getWidth()
                && mouse.getY() > frame.getY() + 0.7 * frame.getHeight(), mouse + " in " + frame);
        Files.write(Path.of("target", "captioner-phone-photo.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void anUnsureCaptionIsUnderlinedWithANoteAndASureOneIsNot() {
        browser.findElement(By.cssSelector("#drop input[type=file]"))
                .sendKeys(TestData.images().resolve("n04370456_sweatshirt.JPEG").toString());
        shownCaption();
        WebElement caption = browser.findElement(By.id("caption"));
        waitUpTo(10).until(d -> caption.getAttribute("class").contains("unsure"));
        assertTrue(browser.findElement(By.id("unsure")).isDisplayed());
        assertTrue(browser.findElement(By.id("unsure")).getText().contains("unsure"));
        assertTrue(caption.getAttribute("title").contains("confidence"), caption.getAttribute("title"));
        browser.findElement(By.cssSelector("#drop input[type=file]"))
                .sendKeys(TestData.images().resolve("n01443537_goldfish.JPEG").toString());
        waitUpTo(30).until(d -> d.findElement(By.id("caption")).getText().contains("goldfish"));
        assertFalse(caption.getAttribute("class").contains("unsure"));
        assertFalse(browser.findElement(By.id("unsure")).isDisplayed());
    }

    @Test
    void droppingAndPastingAnImageCaptionIt() {
        drop("n01443537_goldfish.JPEG");
        assertEquals("A close-up of a goldfish.", shownCaption());
        assertTrue(browser.findElements(By.cssSelector("#figure .box")).isEmpty());

        browser.executeScript("document.getElementById('caption').textContent = ''");
        String mouse = Base64.getEncoder().encodeToString(
                TestData.bytes(TestData.images().resolve("n03793489_mouse.JPEG")));
        browser.executeScript("""
                const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
                const data = new DataTransfer();
                data.items.add(new File([bytes], 'pasted.jpg', {type: 'image/jpeg'}));
                document.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true}));
                """, mouse);
        assertTrue(shownCaption().contains("mouse"));
        assertTrue(browser.findElements(By.cssSelector("#figure .box")).size() >= 4);
    }

    @Test
    void anExamplePhotoIsCaptionedLikeAChosenOne() {
        browser.findElement(By.cssSelector("#examples button[data-photo$='coffee.jpg']")).click();

        assertTrue(shownCaption().contains("cup"), shownCaption());
        List<String> labels = browser.findElements(By.cssSelector("#figure .box")).stream()
                .map(WebElement::getText).toList();
        assertTrue(labels.contains("cup"), labels.toString());
        assertTrue(browser.findElement(By.cssSelector("#drop img")).isDisplayed(), "the example shows as the choice");
    }

    private void drop(String file) {
        String bytes = Base64.getEncoder().encodeToString(TestData.bytes(TestData.images().resolve(file)));
        browser.executeScript("""
                const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
                const data = new DataTransfer();
                data.items.add(new File([bytes], arguments[1], {type: 'image/jpeg'}));
                document.getElementById('drop').dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true}));
                """, bytes, file);
    }

    @Test
    void aNonImageShowsAReadableErrorAndNoCaption(@TempDir Path folder) throws IOException {
        Path text = folder.resolve("not-an-image.jpg");
        Files.writeString(text, "this is text", StandardCharsets.UTF_8);
        browser.findElement(By.cssSelector("#drop input[type=file]")).sendKeys(text.toString());

        WebElement error = waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertTrue(error.getText().contains("not an image"), error.getText());
        assertEquals("", browser.findElement(By.id("caption")).getText());
        assertTrue(browser.findElements(By.cssSelector("#figure .box")).isEmpty());
        // no broken-image icon under the error, in the result or in the drop zone
        assertFalse(browser.findElement(By.id("figure")).isDisplayed());
        waitUpTo(5).until(d -> !d.findElement(By.cssSelector("#drop img")).isDisplayed());
    }

    @Test
    void nothingIsShownInTheResultBeforeAnImage() {
        assertFalse(browser.findElement(By.id("figure")).isDisplayed(), "an empty figure shows a broken image");
        assertFalse(browser.findElement(By.id("objects-title")).isDisplayed());
    }

    @Test
    void theDropZoneWorksFromTheKeyboard() {
        WebElement zone = browser.findElement(By.id("drop"));
        browser.executeScript("arguments[0].focus()", zone);
        assertEquals(zone, browser.switchTo().activeElement());
        browser.executeScript("""
                window.__opened = false;
                document.querySelector('#drop input[type=file]').addEventListener('click', e => {
                  window.__opened = true; e.preventDefault(); });
                """);
        zone.sendKeys(Keys.ENTER);
        assertEquals(Boolean.TRUE, browser.executeScript("return window.__opened"));
    }

    @Test
    void theBusyStateShowsWhileTheRequestRuns() {
        // hold the answer back to watch the busy state: wrap fetch so it waits for a signal
        browser.executeScript("""
                window.__release = null;
                const original = window.fetch;
                window.fetch = (...args) => new Promise(resolve => { window.__release = () => resolve(original(...args)); });
                """);
        drop("n01443537_goldfish.JPEG");
        waitUpTo(10).until(d -> "true".equals(d.findElement(By.id("result")).getAttribute("aria-busy")));
        assertTrue(browser.findElement(By.cssSelector("#result .busy-indicator")).isDisplayed());
        assertTrue(!browser.findElement(By.id("again")).isEnabled());
        browser.executeScript("window.__release()");
        assertEquals("A close-up of a goldfish.", shownCaption());
        assertEquals("false", browser.findElement(By.id("result")).getAttribute("aria-busy"));
    }
}
