package dev.lantern.translator;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.shared.testing.TaskReadiness;
import dev.lantern.shared.testing.TestDocuments;
import dev.lantern.web.browser.BrowserPageTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The translator page in real headless Chromium, over the tiny trained en-de model. */
@QuarkusTest
@WithTestResource(TinyModels.class)
@Tag("browser")
class TranslatorPageTest extends BrowserPageTest {

    @TestHTTPResource("/")
    URL root;


    @BeforeEach
    void openPage() throws InterruptedException {
        TaskReadiness.awaitModel("translator", "en-de");
        browser.get(root.toString()); // the root redirects a lone app to its page
        assertTrue(browser.getCurrentUrl().endsWith("/translator/"), browser.getCurrentUrl());
        waitUpTo(10).until(d -> d.findElements(By.cssSelector("#target option")).size() == 3);
    }

    private String translationAfter(Runnable action) {
        WebElement output = browser.findElement(By.id("translation"));
        browser.executeScript("arguments[0].replaceChildren()", output);
        action.run();
        waitUpTo(30).until(d -> !output.getText().isEmpty() || d.findElement(By.id("error")).isDisplayed());
        return (String) browser.executeScript("return arguments[0].textContent", output);
    }

    private String selected(String id) {
        return new Select(browser.findElement(By.id(id))).getFirstSelectedOption().getAttribute("value");
    }

    @Test
    void aDocumentIsTranslatedShownAsTextAndCanBeDownloaded() throws Exception {
        new Select(browser.findElement(By.id("source"))).selectByValue("en");
        Path page = Files.createTempFile("page", ".html");
        Files.writeString(page, "<!DOCTYPE html><html><body><h1 class=\"t\">The man eats.</h1>"
                + "<p>The red dog runs.</p></body></html>");
        String shown = translationAfter(() -> browser.findElement(By.id("file")).sendKeys(page.toString()));
        // the translated HTML is text on this page, never markup
        assertEquals("<!DOCTYPE html><html><body><h1 class=\"t\">Der mann isst.</h1><p>Der rote hund läuft.</p>"
                + "</body></html>", shown);
        assertEquals(0L, browser.executeScript("return document.querySelectorAll('#translation *').length"));
        String name = page.getFileName().toString().replace(".html", ".de.html");
        assertEquals("Download " + name, browser.findElement(By.cssSelector("#download a")).getText());
        assertEquals(name, browser.findElement(By.cssSelector("#download a")).getAttribute("download"));
        Files.delete(page);

        browser.executeScript("""
                const bytes = Uint8Array.from(atob(arguments[0]), (c) => c.charCodeAt(0));
                const data = new DataTransfer();
                data.items.add(new File([bytes], 'letter.docx'));
                document.getElementById('text').dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true}));
                """, Base64.getEncoder().encodeToString(TestDocuments.docx(List.of("The man eats.",
                        "The red dog runs."))));
        WebElement link = waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//p[@id='download']/a[text()='Download letter.de.docx']")));
        // the link downloads the .docx the API answered: let Chromium save it, then open it
        Path downloads = Files.createTempDirectory("downloads");
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
                downloads.toString()));
        link.click();
        Path saved = downloads.resolve("letter.de.docx");
        // Chromium may create the file empty before it writes it, and keeps the bytes in a .crdownload beside it
        waitUpTo(10).until(d -> complete(saved));
        TestDocuments.Paragraph first = TestDocuments.paragraphsOf(Files.readAllBytes(saved)).get(0);
        assertEquals(new TestDocuments.Paragraph("Der mann isst.", "Title"), first);
        assertTrue(browser.findElement(By.id("meta")).getText().startsWith("Read letter.docx: docx, 31 characters"),
                browser.findElement(By.id("meta")).getText());
        screenshot("translator-document");
    }

    @Test
    void detectsTranslatesFromTheKeyboardAndSwaps() {
        assertEquals("de", selected("target"));
        WebElement text = browser.findElement(By.id("text"));
        text.sendKeys("The old woman reads the paper every morning while the man eats his breakfast.");
        String detected = translationAfter(() -> browser.findElement(By.id("go")).click());
        assertTrue(!detected.isBlank());
        assertEquals("Detected language: English (en). Wrong? Change",
                browser.findElement(By.id("detected")).getText());
        // correcting it: Change puts the detected language in the source picker and focuses it
        browser.findElement(By.id("change-source")).click();
        assertEquals("en", selected("source"));
        assertEquals("source", browser.switchTo().activeElement().getAttribute("id"));
        assertEquals("false", browser.findElement(By.id("result")).getAttribute("aria-busy"));
        // the translation is text in the live region, announced when it changes, not the value of a text box
        assertEquals("polite", browser.findElement(By.id("result")).getAttribute("aria-live"));

        text.clear();
        text.sendKeys("The red dog runs.");
        text.sendKeys(Keys.ENTER, "The man eats.");
        String translated = translationAfter(() -> text.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER)));
        assertEquals("Der rote hund läuft.\nDer mann isst.", translated);
        assertTrue(browser.findElement(By.id("meta")).getText().contains("lantern-transformer-en-de"));
        assertTrue(browser.findElement(By.id("meta")).getText().contains("confidence"));
        // Copy puts the translation on the clipboard (Lantern.copyButton, shared by the pages)
        browser.executeCdpCommand("Browser.grantPermissions", Map.of("permissions",
                List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        browser.findElement(By.id("copy")).click();
        waitUpTo(5).until(d -> d.findElement(By.id("copy")).getText().equals("Copied"));
        assertEquals("Der rote hund läuft.\nDer mann isst.", browser.executeAsyncScript(
                "navigator.clipboard.readText().then(arguments[arguments.length - 1])"));

        // swap: German → English, the translation becomes the text to translate back
        browser.findElement(By.id("swap")).click();
        assertEquals("de", selected("source"));
        assertEquals("en", selected("target"));
        assertEquals("Der rote hund läuft.\nDer mann isst.", text.getAttribute("value"));
        assertEquals("", browser.findElement(By.id("translation")).getText());
    }

    @Test
    void aDoubleClickSendsOneRequest() {
        browser.executeScript("""
                window.translateRequests = 0;
                const fetchBefore = window.fetch;
                window.fetch = (url, options) => {
                  if (String(url).endsWith('/api/translate')) window.translateRequests++;
                  return fetchBefore(url, options);
                };""");
        browser.findElement(By.id("text")).sendKeys("Two dogs are playing in the snow.");
        String translated = translationAfter(() -> new Actions(browser).doubleClick(browser.findElement(By.id("go")))
                .perform());
        assertTrue(!translated.isBlank());
        assertEquals(1L, browser.executeScript("return window.translateRequests"));
        // once answered, the same text can be translated again
        translationAfter(() -> browser.findElement(By.id("go")).click());
        assertEquals(2L, browser.executeScript("return window.translateRequests"));
    }

    @Test
    void swappingBeforeAnyTranslationNeverPairsALanguageWithItself() {
        assertEquals("", selected("source"));
        assertEquals("de", selected("target"));
        browser.findElement(By.id("swap")).click();
        assertEquals("de", selected("source"));
        assertEquals("en", selected("target"));
    }

    @Test
    void aPairWithoutAModelIsShownUnavailableWithNoCommand() {
        String note = browser.findElement(By.id("pairs-note")).getText();
        assertTrue(note.contains("French → English (no model installed)"), note);
        WebElement french = browser.findElement(By.cssSelector("#source option[value=fr]"));
        assertEquals("true", french.getAttribute("disabled"));
        assertTrue(french.getText().contains("no model"), french.getText());
        assertTrue(!browser.findElement(By.tagName("body")).getText().contains("TrainTranslator"));
    }

    @Test
    void unsureSentencesAreUnderlinedAndExplained() {
        String known = "The red dog runs.";
        String unknown = "Quantum bureaucracy obfuscates yesterday's jurisprudence.";
        float sure = confidenceOf(known);
        float unsure = confidenceOf(unknown);
        assertTrue(unsure < sure, unsure + " vs " + sure);
        // the tiny model's confidences are not calibrated: put the page's line between the two
        browser.executeScript("document.getElementById('translation').dataset.unsureBelow = arguments[0]",
                (sure + unsure) / 2);
        WebElement text = browser.findElement(By.id("text"));
        new Select(browser.findElement(By.id("source"))).selectByValue("en");
        text.sendKeys(known + " " + unknown);
        translationAfter(() -> browser.findElement(By.id("go")).click());
        List<WebElement> sentences = browser.findElements(By.cssSelector("#translation span"));
        assertEquals(2, sentences.size());
        assertEquals("", sentences.get(0).getAttribute("class"));
        assertEquals("unsure", sentences.get(1).getAttribute("class"));
        assertTrue(sentences.get(1).getAttribute("title").startsWith("Lantern is unsure of this sentence"));
        assertTrue(browser.findElement(By.id("unsure")).getText().startsWith("1 of 2 sentences is underlined"),
                browser.findElement(By.id("unsure")).getText());
    }

    private float confidenceOf(String sentence) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("text", sentence, "source", "en", "target", "de"))
                .when().post(root.toString() + "api/translate").then().statusCode(200).extract().path("confidence");
    }

    @Test
    void anExampleFillsTheTextAndTranslatesIt() {
        WebElement example = browser.findElements(By.cssSelector(".example")).get(0);
        String translated = translationAfter(example::click);
        assertTrue(!translated.isBlank());
        assertEquals(example.getText(), browser.findElement(By.id("text")).getAttribute("value"));
        assertEquals("en", selected("source"));
        assertEquals("de", selected("target"));
    }

    @Test
    void errorsAreReadable() {
        browser.findElement(By.id("go")).click();
        WebElement error = waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertTrue(error.getText().contains("empty"), error.getText());
        assertEquals("", browser.findElement(By.id("translation")).getText());
        assertTrue(browser.findElement(By.id("empty")).isDisplayed());
    }

    /** The download is whole: the file has bytes and Chromium's partial file beside it is gone. */
    private static boolean complete(Path download) {
        try {
            return Files.isRegularFile(download) && Files.size(download) > 0
                    && !Files.exists(download.resolveSibling(download.getFileName() + ".crdownload"));
        } catch (IOException e) {
            return false; // renamed between the two checks: look again
        }
    }
}
