package dev.lantern.web.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by Debian's chromedriver, headless, with every background connection off and a fresh
 * profile: Selenium is given the driver path, so Selenium Manager never downloads anything.
 */
public final class HeadlessChromium {

    public static final String BROWSER = System.getProperty("lantern.chromium", "/usr/bin/chromium");
    public static final String DRIVER = System.getProperty("lantern.chromedriver", "/usr/bin/chromedriver");

    private HeadlessChromium() {}

    public static boolean installed() {
        return new File(BROWSER).canExecute() && new File(DRIVER).canExecute();
    }

    public static ChromeDriver start() throws IOException {
        Path profile = Files.createTempDirectory("lantern-chromium-");
        profile.toFile().deleteOnExit();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-quic", "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
