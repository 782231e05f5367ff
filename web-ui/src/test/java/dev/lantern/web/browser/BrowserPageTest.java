package dev.lantern.web.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of every page test: one headless Chromium per test class, started before its tests and quit after them; the
 * class is skipped where Debian's chromium and chromium-driver are not installed. A test fails when the pages it
 * used broke their Content-Security-Policy (an inline style or script, eval, a foreign source).
 */
public abstract class BrowserPageTest {

    protected static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        assumeTrue(HeadlessChromium.installed(), "Debian chromium and chromium-driver are not installed");
        browser = HeadlessChromium.start();
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

    protected WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }
}
