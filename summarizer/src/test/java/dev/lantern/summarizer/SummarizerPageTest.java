package dev.lantern.summarizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.shared.testing.TaskReadiness;
import dev.lantern.shared.testing.TestData;
import dev.lantern.shared.testing.TestDocuments;
import dev.lantern.web.browser.BrowserPageTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The summarizer page in real headless Chromium: paste or drop text, pick a length, see the highlights. */
@QuarkusTest
@Tag("browser")
class SummarizerPageTest extends BrowserPageTest {

    @TestHTTPResource("/")
    URL root;


    @BeforeEach
    void openPage() throws InterruptedException {
        TaskReadiness.await("summarizer");
        browser.get(root.toString()); // the root redirects a lone app to its page
        assertTrue(browser.getCurrentUrl().endsWith("/summarizer/"), browser.getCurrentUrl());
    }

    private List<String> highlighted() {
        waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#source mark")));
        return browser.findElements(By.cssSelector("#source mark")).stream().map(WebElement::getText).toList();
    }

    @Test
    void pastedTextIsSummarisedAndHighlighted() {
        String article = TestData.text("article-3.txt");
        browser.executeScript("document.getElementById('text').value = arguments[0];"
                + "document.getElementById('text').dispatchEvent(new Event('input'));", article);
        browser.findElement(By.id("go")).click();

        List<String> marks = highlighted();
        assertEquals(3, marks.size());
        String summary = browser.findElement(By.id("summary")).getText();
        marks.forEach(m -> assertTrue(summary.contains(m), m));
        // the source panel shows the whole text, the chosen sentences inside it
        assertEquals(article.strip(), browser.findElement(By.id("source")).getText().strip());
        assertEquals("false", browser.findElement(By.id("result")).getAttribute("aria-busy"));
        assertTrue(browser.findElement(By.id("meta")).getText().contains("all-minilm-l6-v2-q"));

        // one sentence, asked for from the keyboard (Ctrl+Enter in the text box)
        WebElement amount = browser.findElement(By.id("amount"));
        amount.clear();
        amount.sendKeys("1");
        browser.findElement(By.id("text")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        waitUpTo(30).until(d -> d.findElements(By.cssSelector("#source mark")).size() == 1);
    }

    @Test
    void theExampleArticleIsSummarisedAndTheSummaryCanBeCopied() {
        assertTrue(!browser.findElement(By.id("copy")).isDisplayed(), "nothing to copy yet");
        browser.findElement(By.id("example")).click();
        assertEquals(3, highlighted().size());
        assertTrue(browser.findElement(By.id("text")).getAttribute("value").startsWith("The city council voted"));
        assertTrue(browser.findElement(By.id("copy")).isDisplayed());
    }

    @Test
    void aChosenOrDroppedTextFileIsSummarised() {
        Path file = TestData.texts().resolve("article-5.txt");
        new Select(browser.findElement(By.id("unit"))).selectByValue("words");
        browser.findElement(By.id("file")).sendKeys(file.toString());
        List<String> marks = highlighted();
        int words = marks.stream().mapToInt(m -> m.trim().split("\\s+").length).sum();
        assertTrue(words <= 60 || marks.size() == 1, words + " words");

        browser.executeScript("document.getElementById('source').replaceChildren()");
        browser.executeScript("""
                const data = new DataTransfer();
                data.items.add(new File([arguments[0]], 'dropped.txt', {type: 'text/plain'}));
                document.getElementById('text').dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true}));
                """, TestData.text("article-4.txt"));
        assertTrue(!highlighted().isEmpty());
        assertTrue(browser.findElement(By.id("text")).getAttribute("value").startsWith("(CNN)"));
    }

    @Test
    void aChosenOrDroppedDocumentIsSummarisedAndSaysWhatItRead() throws Exception {
        List<String> paragraphs = TestData.text("article-4.txt").lines().filter(l -> !l.isBlank()).toList();
        Path docx = Files.createTempFile("letter", ".docx");
        Files.write(docx, TestDocuments.docx(paragraphs));
        WebElement summary = browser.findElement(By.id("summary"));
        browser.findElement(By.id("file")).sendKeys(docx.toString());
        waitUpTo(30).until(d -> !summary.getText().isEmpty() || d.findElement(By.id("error")).isDisplayed());
        assertTrue(browser.findElement(By.id("meta")).getText().startsWith("Read " + docx.getFileName() + ": docx, "),
                browser.findElement(By.id("meta")).getText());
        assertFalse(browser.findElement(By.id("source-panel")).isDisplayed());
        Files.delete(docx);

        browser.executeScript("arguments[0].textContent = ''", summary);
        browser.executeScript("""
                const bytes = Uint8Array.from(atob(arguments[0]), (c) => c.charCodeAt(0));
                const data = new DataTransfer();
                data.items.add(new File([bytes], 'report.pdf', {type: 'application/pdf'}));
                document.getElementById('text').dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true}));
                """, Base64.getEncoder().encodeToString(TestDocuments.pdf(3, List.of(
                        "The council voted to build a park by the river.", "Work starts in the spring.",
                        "The park will have a playground and a garden."))));
        waitUpTo(30).until(d -> !summary.getText().isEmpty() || d.findElement(By.id("error")).isDisplayed());
        assertTrue(browser.findElement(By.id("meta")).getText().startsWith("Read report.pdf: pdf, "));
        screenshot("summarizer-document");
    }

    @Test
    void errorsAreReadable() {
        browser.findElement(By.id("go")).click();
        WebElement error = waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertTrue(error.getText().contains("empty"), error.getText());
        assertTrue(browser.findElements(By.cssSelector("#source mark")).isEmpty());
    }

    @Test
    void theLengthIsCheckedInThePagesOwnTermsAndEnterAsksForTheSummary() {
        assertFalse(browser.findElement(By.id("source-panel")).isDisplayed(),
                "an empty source panel before a summary");
        browser.executeScript("document.getElementById('text').value = arguments[0];"
                + "document.getElementById('text').dispatchEvent(new Event('input'));", TestData.text("article-3.txt"));
        WebElement amount = browser.findElement(By.id("amount"));

        new Select(browser.findElement(By.id("unit"))).selectByValue("ratio");
        amount.clear();
        amount.sendKeys("150", Keys.ENTER);
        assertEquals("The length is a percentage of the text: from 1 to 100, not 150.", shownError());

        new Select(browser.findElement(By.id("unit"))).selectByValue("sentences");
        amount.clear();
        amount.sendKeys("2.5", Keys.ENTER);
        assertEquals("The length is a whole number of sentences, 1 or more, not 2.5.", shownError());

        amount.clear();
        amount.sendKeys(Keys.ENTER);
        assertEquals("Enter the length: a number of sentences.", shownError());

        amount.sendKeys("2", Keys.ENTER); // Enter in the length field asks for the summary
        waitUpTo(30).until(d -> d.findElements(By.cssSelector("#source mark")).size() == 2);
        assertTrue(browser.findElement(By.id("source-panel")).isDisplayed());
        assertFalse(browser.findElement(By.id("error")).isDisplayed());
    }

    private String shownError() {
        return waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("error"))).getText();
    }
}
