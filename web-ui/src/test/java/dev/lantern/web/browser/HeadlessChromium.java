package dev.lantern.web.browser;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's Chromium driven by Debian's chromedriver, headless, with every background connection off and a fresh
 * profile: Selenium is given the driver path, so Selenium Manager never downloads anything.
 */
public final class HeadlessChromium {

    public static final String BROWSER = System.getProperty("lantern.chromium", "/usr/bin/chromium");
    public static final String DRIVER = System.getProperty("lantern.chromedriver", "/usr/bin/chromedriver");

    /** What the browser's console says of a Content-Security-Policy violation. */
    public static final String CSP_VIOLATION = "CSP violation:";

    private HeadlessChromium() {}

    /**
     * The Content-Security-Policy violations the browser reported since the last call (its console log is read and
     * emptied): what the listener installed by {@link #start} saw, and Chromium's own "Refused to..." errors.
     */
    public static List<String> cspViolations(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains(CSP_VIOLATION) || m.contains("Content Security Policy")).toList();
    }

    public static boolean installed() {
        return new File(BROWSER).canExecute() && new File(DRIVER).canExecute();
    }

    /** Starts a browser whose profile lives in {@code profile}, an empty folder that the caller removes after quit */
    public static ChromeDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-quic", "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        // before any script of every page: report each Content-Security-Policy violation on the console
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                document.addEventListener('securitypolicyviolation', (e) => console.error('%s '
                  + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':'
                  + e.lineNumber + ' ' + (e.sample || '')), true);
                """.formatted(CSP_VIOLATION)));
        return driver;
    }
}
