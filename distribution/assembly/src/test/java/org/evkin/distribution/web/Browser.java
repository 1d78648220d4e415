package org.evkin.distribution.web;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through /usr/bin/chromedriver (set explicitly, so Selenium Manager never runs and nothing
 * is downloaded), with a fresh profile under target/; axe-core checks and the page weight from the performance API.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("evkin.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("evkin.chromedriver", "/usr/bin/chromedriver");
    /** The WCAG 2.0, 2.1 and 2.2 success criteria of levels A and AA, as axe-core tags them. */
    static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final ChromeDriver driver;
    private final ChromeDriverService service;

    private Browser(ChromeDriver driver, ChromeDriverService service) {
        this.driver = driver;
        this.service = service;
    }

    /** Starts Chromium; fails (never skips) with the install command when Chromium or ChromeDriver is missing. */
    static Browser start(Path workDir) throws Exception {
        for (String exe : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(exe))) {
                throw new AssertionError("The browser tests need Debian's Chromium and ChromeDriver, but " + exe
                        + " is missing. Install them with: apt-get install chromium chromium-driver");
            }
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        Path profile = workDir.resolve("chromium-profile").toAbsolutePath();
        WebDistribution.deleteTree(profile);
        Files.createDirectories(profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().withLogFile(workDir.resolve("chromedriver.log").toFile()).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--window-size=412,915", "--lang=id-ID",
                "--user-data-dir=" + profile);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
        return new Browser(driver, service);
    }

    /** What axe-core found on a page: the violations written out for a person, and how many rules passed. */
    record AxeCheck(String violations, int violationCount, int passedRules, int incomplete) {
    }

    /** Runs axe-core (it injects its own axe.min.js) with the given tags on the current page. */
    AxeCheck axe(List<String> tags) {
        Results r = new AxeBuilder().withTags(tags).analyze(driver);
        if (r.isErrored()) {
            throw new AssertionError("axe-core failed on " + driver.getCurrentUrl() + ": " + r.getErrorMessage());
        }
        return new AxeCheck(describe(r.getViolations()), r.getViolations().size(), r.getPasses().size(),
                r.getIncomplete() == null ? 0 : r.getIncomplete().size());
    }

    static String describe(List<Rule> violations) {
        StringBuilder sb = new StringBuilder();
        for (Rule v : violations) {
            sb.append("\n- ").append(v.getId()).append(" [").append(v.getImpact()).append("] ").append(v.getHelp())
                    .append(" (").append(v.getHelpUrl()).append(")");
            for (CheckedNode n : v.getNodes()) {
                sb.append("\n    at ").append(n.getTarget()).append(": ").append(n.getHtml());
                if (n.getFailureSummary() != null) {
                    sb.append("\n      ").append(n.getFailureSummary().replace("\n", "\n      "));
                }
            }
        }
        return sb.toString();
    }

    /**
     * What the current page weighs: the document's decoded size from the Navigation Timing API, plus every style
     * sheet, script and image it links to, fetched again over HTTP (the page's CSP forbids fetching from the page).
     */
    @SuppressWarnings("unchecked")
    PageWeight weight() throws Exception {
        Map<String, Object> m = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(
                "const n = performance.getEntriesByType('navigation')[0];"
                + "const urls = [...document.querySelectorAll('link[rel=stylesheet][href], script[src], img[src]')]"
                + ".map(e => e.href || e.src).filter(u => u.startsWith('http'));"
                + "return {document: n.decodedBodySize, transferred: n.transferSize, urls: urls};");
        long resources = 0;
        List<String> urls = (List<String>) m.get("urls");
        for (String u : urls) {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(u)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new AssertionError(u + " linked from " + driver.getCurrentUrl() + " answered " + r.statusCode());
            }
            resources += r.body().length;
        }
        return new PageWeight(((Number) m.get("document")).longValue(), resources,
                ((Number) m.get("transferred")).longValue(), urls.size());
    }

    /** Document and linked resources in bytes (decoded), the document's bytes over the wire, number of resources. */
    record PageWeight(long document, long resources, long documentTransferred, int resourceCount) {

        long total() {
            return document + resources;
        }

        @Override
        public String toString() {
            return "document " + document + " B + " + resourceCount + " linked file(s) " + resources + " B = " + total()
                    + " B (document over the wire, headers included: " + documentTransferred + " B)";
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }

    /**
     * A WebDriverWait for pages that may be replaced while it looks (a navigation started by a click or a key press
     * still under way): a node gone with the old page counts as "not yet", whether Chromium reports it as stale or as
     * "Node with given id does not belong to the document" (a plain WebDriverException that ignoring() cannot single out).
     */
    static final class PageWait extends org.openqa.selenium.support.ui.WebDriverWait {

        PageWait(org.openqa.selenium.WebDriver driver, Duration timeout) {
            super(driver, timeout);
        }

        @Override
        public <V> V until(java.util.function.Function<? super org.openqa.selenium.WebDriver, ? extends V> isTrue) {
            return super.until(d -> {
                try {
                    return isTrue.apply(d);
                } catch (org.openqa.selenium.StaleElementReferenceException e) {
                    return null;
                } catch (org.openqa.selenium.WebDriverException e) {
                    if (nodeGone(e)) {
                        return null;
                    }
                    throw e;
                }
            });
        }
    }

    /** Chromium's other way of saying a node is stale. */
    static boolean nodeGone(org.openqa.selenium.WebDriverException e) {
        return String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /**
     * Waits until the given element is gone from the document, e.g. the old page's html element after a form post.
     * Chromium answers a gone node either as stale or as "Node with given id does not belong to the document": both
     * mean the same here (ExpectedConditions.stalenessOf only knows the first).
     */
    static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> gone(org.openqa.selenium.WebElement old) {
        return driver -> {
            try {
                old.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (nodeGone(e)) {
                    return true;
                }
                throw e;
            }
        };
    }

    /**
     * The text of the first element found, read again if the page was replaced between finding and reading it (a
     * navigation started by a key press or a click may still be under way).
     */
    static String textOf(org.openqa.selenium.WebDriver driver, org.openqa.selenium.By by) {
        for (int attempt = 0; ; attempt++) {
            try {
                return driver.findElement(by).getText();
            } catch (org.openqa.selenium.WebDriverException e) {
                if (!(e instanceof org.openqa.selenium.StaleElementReferenceException || nodeGone(e)) || attempt == 10) {
                    throw e;
                }
            }
        }
    }
}
