package org.evkin.distribution.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A second headless Chromium with JavaScript switched off for every page (the content setting a person would change),
 * to show the forms work by their buttons alone. WebDriver itself still reaches the page through DevTools.
 */
final class FormBrowser implements AutoCloseable {

    final ChromeDriver driver;
    private final ChromeDriverService service;

    private FormBrowser(ChromeDriver driver, ChromeDriverService service) {
        this.driver = driver;
        this.service = service;
    }

    static FormBrowser withoutJavaScript(Path workDir) throws Exception {
        System.setProperty("webdriver.chrome.driver", Browser.CHROMEDRIVER);
        Path profile = workDir.resolve("chromium-profile-nojs").toAbsolutePath();
        WebDistribution.deleteTree(profile);
        Files.createDirectories(profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(Browser.CHROMEDRIVER))
                .usingAnyFreePort().withLogFile(workDir.resolve("chromedriver-nojs.log").toFile()).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Browser.CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--window-size=412,915", "--lang=id-ID",
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("profile.default_content_setting_values.javascript", 2));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new FormBrowser(driver, service);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
