package dev.lantern.web.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of every page test: one headless Chromium per test class, started before its tests and quit after them; the
 * class is skipped where Debian's chromium and chromium-driver are not installed.
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

    protected WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }
}
