package dev.lantern.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of every page test: one headless Chromium per test class, started before its tests and quit after them; the
 * class is skipped where Debian's chromium and chromium-driver are not installed. A test fails when the pages it
 * used broke their Content-Security-Policy (an inline style or script, eval, a foreign source).
 */
public abstract class BrowserPageTest {

    protected static ChromeDriver browser;

    /** The browser's profile, about 3 MB of files; JUnit removes it after the class (after {@link #stopBrowser}). */
    @TempDir
    static Path profile;

    @BeforeAll
    static void startBrowser() {
        assumeTrue(HeadlessChromium.installed(), "Debian chromium and chromium-driver are not installed");
        browser = HeadlessChromium.start(profile);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @BeforeEach
    void forgetEarlierViolations() {
        HeadlessChromium.cspViolations(browser);
    }

    @AfterEach
    void noCspViolation() {
        List<String> violations = HeadlessChromium.cspViolations(browser);
        assertTrue(violations.isEmpty(), "Content-Security-Policy violations: " + violations);
    }

    /** The page is served with its policy, and the check above sees a violation: an inline style is refused. */
    @Test
    void aStyleAttributeIsRefusedAndReported() {
        browser.executeScript("document.body.setAttribute('style', 'outline: 1px solid red')");
        List<String> seen = new ArrayList<>();
        waitUpTo(5).until(driver -> seen.addAll(HeadlessChromium.cspViolations(browser))
                && seen.stream().anyMatch(v -> v.contains(HeadlessChromium.CSP_VIOLATION) && v.contains("style-src")));
    }

    /**
     * WCAG 2.1 AA on the page as it is now, in the light and the dark scheme: text on buttons 4.5:1, borders of
     * controls 3:1 and the keyboard focus ring 3:1 against what is behind them; the dark scheme really is dark.
     */
    @Test
    void colorsMeetWcagContrastInTheLightAndTheDarkScheme() throws IOException {
        String check = new String(BrowserPageTest.class.getResourceAsStream("contrast.js").readAllBytes(),
                StandardCharsets.UTF_8);
        try {
            for (String scheme : List.of("light", "dark")) {
                browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                        List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
                double body = ((Number) browser.executeScript(check, "background")).doubleValue();
                assertTrue(scheme.equals("light") ? body > 0.8 : body < 0.05, scheme + " background " + body);
                assertEquals(List.of(), browser.executeScript(check, "page"), scheme);
                browser.navigate().refresh(); // keyboard focus starts again from the top
                for (int i = 0; i < 3; i++) {
                    new Actions(browser).sendKeys(Keys.TAB).perform();
                    String focus = (String) browser.executeScript(check, "focus");
                    String[] parts = focus.split(" ");
                    assertTrue(!parts[1].equals("none") && Double.parseDouble(parts[2].replace("px", "")) >= 2
                            && Double.parseDouble(parts[3]) >= 3, scheme + ": focus ring of " + focus);
                }
            }
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
    }

    /** Saves what the browser shows as target/screenshots/{name}.png, for a person to look at. */
    protected void screenshot(String name) throws IOException {
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    }

    protected WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }
}
