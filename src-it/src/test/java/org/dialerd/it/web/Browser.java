package org.dialerd.it.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium at 1280×720 (Debian's {@code chromium}, driven by its
 * {@code chromedriver}), with the steps a user takes: find a control by its label or its
 * accessible name, type, press keys, and wait for what a user would see. Nothing is
 * downloaded: Selenium is pointed at the installed driver and browser, so its driver manager
 * never runs.
 *
 * <p>Without the browser the tests fail and say how to install it, unless
 * {@code -Ddialerd.browser.tests=skip} says they are skipped on purpose.
 */
public final class Browser implements AutoCloseable {
    static final String SKIP_PROPERTY = "dialerd.browser.tests";
    static final Duration WAIT = Duration.ofSeconds(20);
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    private Browser(ChromeDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /** A browser whose relative addresses go to {@code base} (e.g. {@code http://127.0.0.1:8088}). */
    public static Browser open(String base) {
        Path chromium = Path.of(System.getProperty("dialerd.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("dialerd.chromedriver", "/usr/bin/chromedriver"));
        boolean present = Files.isExecutable(chromium) && Files.isExecutable(chromedriver);
        if ("skip".equals(System.getProperty(SKIP_PROPERTY))) {
            Assumptions.abort("browser tests skipped on purpose (-D" + SKIP_PROPERTY + "=skip)");
        }
        if (!present) {
            Assertions.fail("the browser tests need Chromium and its driver at " + chromium + " and " + chromedriver
                    + ": install them with 'apt-get install chromium chromium-driver' (Debian), point"
                    + " -Ddialerd.chromium and -Ddialerd.chromedriver at them, or skip these tests on purpose with -D"
                    + SKIP_PROPERTY + "=skip");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("dialerd-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // The background-networking switches keep Chromium from calling out of a closed network.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--disable-extensions", "--lang=en-US",
                "--window-size=" + WIDTH + "," + HEIGHT, "--user-data-dir=" + profile);
        // The page's console messages, so a failing wait can say what the page's code reported.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
        // --window-size is the window's outer size: grow it by whatever the viewport lacks.
        Number width = (Number) driver.executeScript("return window.outerWidth - window.innerWidth");
        Number height = (Number) driver.executeScript("return window.outerHeight - window.innerHeight");
        driver.manage().window().setSize(new Dimension(WIDTH + width.intValue(), HEIGHT + height.intValue()));
        return new Browser(driver, profile, base);
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(base + path);
    }

    /** Waits until {@code condition} gives a value that is neither null nor false. */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT, Duration.ofMillis(50))
                .ignoring(StaleElementReferenceException.class) // the page redrew what was looked at
                .withMessage(() -> "waiting for " + what + "; page says: " + visibleText() + consoleMessages())
                .until(condition);
    }

    /** The form control whose label reads {@code label}, once it is shown. */
    public WebElement field(String label) {
        return await("the field labelled '" + label + "'", d -> displayed(d.findElements(By.xpath(
                "//label[normalize-space()=" + literal(label) + "]")).stream()
                .map(l -> d.findElement(By.id(l.getAttribute("for"))))
                .toList()));
    }

    /** The button whose text or aria-label is {@code name}, once it is shown. */
    public WebElement button(String name) {
        return await("the button '" + name + "'", d -> displayed(d.findElements(By.xpath(
                "//button[normalize-space()=" + literal(name) + " or @aria-label=" + literal(name) + "]"))));
    }

    /** The landmark or region whose accessible name ({@code aria-label}) is {@code name}. */
    public WebElement region(String name) {
        return await("the region '" + name + "'", d -> displayed(d.findElements(By.cssSelector(
                "[aria-label=" + cssString(name) + "]"))));
    }

    public void type(String label, String text) {
        WebElement field = field(label);
        field.clear();
        field.sendKeys(text);
    }

    /** Waits until the page shows {@code text} somewhere. */
    public void awaitText(String text) {
        await("the text '" + text + "'", d -> visibleText().contains(text));
    }

    /** Waits until {@code region} shows {@code text}. */
    public void awaitText(String region, String text) {
        await("'" + text + "' in " + region, d -> region(region).getText().contains(text));
    }

    /** The user connects the page shown (console or wallboard) to dialerd with an ECCP client account. */
    public void connectAs(String account, String password) {
        type("Client account", account);
        type("Client password", password);
        button("Connect").click();
    }

    /** On the connected console, the agent logs in at its extension and is shown Ready. */
    public void logInAgent(String agent, String extension, String password) {
        type("Agent", agent);
        type("Extension", extension);
        type("Agent password", password);
        button("Log in agent").click();
        awaitText("Agent status", "Ready");
    }

    /** Presses keys on whatever has the focus, as a keyboard would. */
    public void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    public void tab() {
        press(Keys.TAB);
    }

    /** The focused element. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** The accessible name of the focused element: its label, aria-label or text. */
    public String focusedName() {
        return String.valueOf(script("const e = document.activeElement;"
                + "const l = e.id && document.querySelector('label[for=\"' + e.id + '\"]');"
                + "return (l && l.textContent.trim()) || e.getAttribute('aria-label') || e.textContent.trim();"));
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** What the page's code logged since the last call (errors, warnings, failed loads). */
    public String consoleMessages() {
        try {
            List<String> lines = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
            return lines.isEmpty() ? "" : "; browser console: " + String.join(" | ", lines);
        } catch (RuntimeException e) {
            return "";
        }
    }

    public String visibleText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return "(no page: " + e.getMessage() + ")";
        }
    }

    /** Saves what the browser shows, for docs and for a failing test's report. */
    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a profile left in the temp folder harms nothing
        }
    }

    private static WebElement displayed(List<WebElement> elements) {
        return elements.stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
    }

    /** An XPath string literal for any text (XPath 1 has no escapes). */
    static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    private static String cssString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
