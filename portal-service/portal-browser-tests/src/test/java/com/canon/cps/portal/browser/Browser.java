package com.canon.cps.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person at a browser: Debian's headless Chromium driven through WebDriver, finding everything as a person does,
 * by the text of a control's {@code <label>} and by a button's or link's accessible name, never by CSS class or
 * position. In keyboard mode every action reaches its control with the Tab key and acts with Enter, Space or typing,
 * so a test in that mode proves the page works without a mouse.
 *
 * <p>Every page a test lands on ({@link #landed(String)}) is photographed to {@code target/screenshots/}, checked by
 * axe-core (no serious or critical violation), weighed (page and assets at most 150 KB) and searched for what a
 * person must never see: raw JSON, a stack trace, a message key.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final long MAX_PAGE_BYTES = 150 * 1024;
    private static final AtomicInteger SHOTS = new AtomicInteger();

    private final ChromeDriver driver;
    private final String name;
    private boolean keyboardOnly;
    final List<String> pages = new ArrayList<>();

    Browser(String name, int width, int height) {
        this(name, width, height, "en-GB");
    }

    Browser(String name, int width, int height, String language) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser tests need Debian's Chromium and its WebDriver: run `sudo apt-get install -y chromium"
                    + " chromium-driver` (as root: `apt-get install -y chromium chromium-driver`), then run the tests"
                    + " again. .ci/run installs them when they are missing.");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--lang=" + language,
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().window().setSize(new Dimension(width, height));
        this.name = name;
    }

    Browser(String name) {
        this(name, 1280, 1000);
    }

    /** From now on every action goes through the keyboard. */
    Browser keyboardOnly() {
        this.keyboardOnly = true;
        return this;
    }

    void open(String path) {
        driver.get(BrowserPlatform.baseUrl() + path);
    }

    void openUrl(String url) {
        driver.get(url);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String path() {
        String url = url();
        String base = BrowserPlatform.baseUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    // ---- finding things as a person does -------------------------------------------------------------------

    /** The form control whose {@code <label>} reads {@code label} (whole text, spaces normalised). */
    WebElement control(String label) {
        for (WebElement l : driver.findElements(By.tagName("label"))) {
            if (normalise(l.getText()).equals(label)
                    || normalise(l.getAttribute("textContent")).equals(label)) {
                String id = l.getAttribute("for");
                if (id != null && !id.isEmpty()) {
                    return driver.findElement(By.id(id));
                }
            }
        }
        throw new NoSuchElementException("No form control labelled \"" + label + "\" on " + path() + ":\n" + text());
    }

    /** A button, link or switch whose accessible name is {@code name} (or starts with it and a space). */
    WebElement action(String name) {
        WebElement partial = null;
        for (WebElement e : driver.findElements(By.cssSelector("a, button, [role=switch], input[type=submit]"))) {
            if (!e.isDisplayed()) {
                continue;
            }
            String accessible = normalise(e.getAccessibleName());
            if (accessible.equals(name)) {
                return e;
            }
            if (partial == null
                    && accessible.startsWith(name)
                    && !Character.isLetterOrDigit(accessible.charAt(name.length()))) {
                partial = e;
            }
        }
        if (partial != null) {
            return partial;
        }
        throw new NoSuchElementException("No button or link named \"" + name + "\" on " + path() + ":\n" + text());
    }

    /** Any element (an image, a status) whose accessible name is {@code name}. */
    WebElement named(String name) {
        for (WebElement e : driver.findElements(By.cssSelector("[role=img], [aria-label], iframe[title]"))) {
            if (normalise(e.getAccessibleName()).equals(name)) {
                return e;
            }
        }
        throw new NoSuchElementException("Nothing named \"" + name + "\" on " + path() + ":\n" + text());
    }

    boolean hasAction(String name) {
        try {
            action(name);
            return true;
        } catch (NoSuchElementException e) {
            return false;
        }
    }

    boolean hasControl(String label) {
        try {
            return control(label).isDisplayed();
        } catch (NoSuchElementException e) {
            return false;
        }
    }

    // ---- acting -------------------------------------------------------------------------------------------

    void fill(String label, String text) {
        WebElement field = control(label);
        if (keyboardOnly) {
            tabTo(field);
            field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            driver.switchTo().activeElement().sendKeys(text);
        } else {
            field.clear();
            field.sendKeys(text);
        }
        awaitTyped(field, text);
    }

    /**
     * Waits (at most 30 s) until the field holds as many characters as were typed (or its {@code maxlength}): on a
     * loaded machine Chromium may still be applying keystrokes when the next action, a press, submits the form (a
     * reason was once submitted half-typed after a 5 s wait, while another module's platform was being killed and
     * restarted on the same two cores). A field that formats what is typed (fewer characters) is left as it is after
     * the wait.
     */
    private void awaitTyped(WebElement field, String text) {
        String maxLength = field.getDomAttribute("maxlength");
        int expected = maxLength == null ? text.length() : Math.min(text.length(), Integer.parseInt(maxLength));
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> String.valueOf(field.getDomProperty("value")).length() >= expected);
        } catch (org.openqa.selenium.TimeoutException formatted) {
            // the page formats this field; what it shows is checked by the test where it matters
        }
    }

    void select(String label, String option) {
        WebElement field = control(label);
        Select select = new Select(field);
        if (keyboardOnly) {
            tabTo(field);
            List<WebElement> options = select.getOptions();
            int target = -1;
            for (int i = 0; i < options.size(); i++) {
                if (normalise(options.get(i).getText()).equals(option)) {
                    target = i;
                }
            }
            assertThat(target).as("option %s of %s", option, label).isNotNegative();
            field.sendKeys(Keys.HOME);
            for (int i = 0; i < target; i++) {
                field.sendKeys(Keys.ARROW_DOWN);
            }
            // a change event for scripts that watch it, as leaving the field would fire
            ((JavascriptExecutor) driver)
                    .executeScript("arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", field);
        } else {
            select.selectByVisibleText(option);
        }
        assertThat(normalise(select.getFirstSelectedOption().getText())).isEqualTo(option);
    }

    /** The visible text of the option chosen in the select labelled {@code label}. */
    String selected(String label) {
        return normalise(new Select(control(label)).getFirstSelectedOption().getText());
    }

    void check(String label) {
        WebElement box = control(label);
        if (!box.isSelected()) {
            toggle(box);
        }
        assertThat(box.isSelected()).as(label).isTrue();
    }

    void uncheck(String label) {
        WebElement box = control(label);
        if (box.isSelected()) {
            toggle(box);
        }
    }

    void choose(String label) {
        WebElement radio = control(label);
        if (keyboardOnly) {
            // Tab stops once in a radio group (on its checked radio); the arrow keys move within it
            List<WebElement> group = driver.findElements(By.name(radio.getAttribute("name")));
            tabTo(group);
            for (int i = 0; i < group.size() && !radio.isSelected(); i++) {
                new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
            }
        } else {
            radio.click();
        }
        assertThat(radio.isSelected()).as(label).isTrue();
    }

    void upload(String label, Path file) {
        control(label).sendKeys(file.toAbsolutePath().toString()); // the file chooser itself is the OS's
    }

    private void toggle(WebElement box) {
        if (keyboardOnly) {
            tabTo(box);
            box.sendKeys(Keys.SPACE);
        } else {
            box.click();
        }
    }

    /** Presses the button or follows the link named {@code name}, and waits for the page it leads to. */
    void press(String name) {
        WebElement page = driver.findElement(By.tagName("html"));
        pressInPlace(name);
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .withMessage(() -> "pressing \"" + name + "\" did not lead to another page")
                .until(d -> gone(page));
    }

    /**
     * Whether {@code element}'s document has been replaced. Chromium answers either "stale element" or, for a node
     * asked about in the moment its document is swapped, "Node with given id does not belong to the document".
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Presses a button that changes the page in place (htmx), without a new page. */
    void pressInPlace(String name) {
        WebElement target = action(name);
        if (keyboardOnly) {
            tabTo(target);
            driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        } else {
            target.click();
        }
    }

    /** Reaches {@code target} with the Tab key alone (at most 250 presses, from wherever the focus is). */
    private void tabTo(WebElement target) {
        tabTo(List.of(target));
    }

    private void tabTo(List<WebElement> targets) {
        WebElement target = targets.get(0);
        for (int i = 0; i < 250; i++) {
            WebElement active = driver.switchTo().activeElement();
            if (targets.contains(active)) {
                return;
            }
            new Actions(driver).sendKeys(Keys.TAB).perform(); // to the page, not to the element (a file input
            // would take the key for a file name)
        }
        fail("Tab never reached " + describe(target) + " on " + path());
    }

    private static String describe(WebElement e) {
        try {
            return e.getTagName() + " \"" + normalise(e.getAccessibleName()) + "\"";
        } catch (StaleElementReferenceException gone) {
            return "an element that is gone";
        }
    }

    // ---- reading ------------------------------------------------------------------------------------------

    String text() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (NoSuchElementException e) {
            return driver.getPageSource();
        }
    }

    String heading() {
        return normalise(driver.findElement(By.tagName("h1")).getText());
    }

    /** Waits (a person would look again) until the page shows {@code text}. */
    void see(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .withMessage(() -> "\"" + text + "\" on " + path() + ":\n" + text())
                .until(d -> text().contains(text));
    }

    /** Reloads until the page shows {@code text}: for what other services learn a moment later (Kafka). */
    void reloadUntil(String text, Duration within) {
        reloadUntil(() -> text().contains(text), "\"" + text + "\"", within);
    }

    /** Reloads until a button or link named {@code name} is on the page (its name may also be in a sentence). */
    void reloadUntilAction(String name, Duration within) {
        reloadUntil(() -> hasAction(name), "a button or link \"" + name + "\"", within);
    }

    private void reloadUntil(java.util.concurrent.Callable<Boolean> there, String what, Duration within) {
        try {
            org.awaitility.Awaitility.await()
                    .atMost(within)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (there.call()) {
                            return true;
                        }
                        driver.navigate().refresh();
                        return false;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException never) {
            fail(what + " never appeared on " + path() + ":\n" + text());
        }
    }

    /** The sentence next to a form control (its error message). */
    String errorAt(String label) {
        WebElement field = control(label);
        String describedBy = field.getAttribute("aria-describedby");
        StringBuilder errors = new StringBuilder();
        if (describedBy != null) {
            for (String id : describedBy.split("\\s+")) {
                if (id.endsWith("-error")) {
                    for (WebElement e : driver.findElements(By.id(id))) {
                        errors.append(normalise(e.getText()));
                    }
                }
            }
        }
        return errors.toString();
    }

    String attribute(String label, String attribute) {
        return control(label).getAttribute(attribute);
    }

    // ---- every page -----------------------------------------------------------------------------------------

    /**
     * The test arrived on a page: screenshot, accessibility, weight, and nothing a person must not see. Returns the
     * page's text.
     */
    String landed(String page) {
        return landed(page, MAX_PAGE_BYTES);
    }

    /** {@link #landed(String)} for a page that may weigh more (the integrators' Swagger UI, not a member's page). */
    String landed(String page, long maxBytes) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        pages.add(page);
        screenshot(page);
        String text = text();
        assertThat(text)
                .as("page %s shows no internals", page)
                .doesNotContain("Whitelabel", "Exception", "\"status\":", "??", "at org.", "at com.");
        assertThat(driver.findElements(By.tagName("main")))
                .as("one <main> on %s", page)
                .hasSize(1);
        assertThat(driver.findElements(By.tagName("h1")))
                .as("one <h1> on %s", page)
                .hasSize(1);
        assertNoSeriousAxeViolations(page);
        long bytes = pageWeight();
        assertThat(bytes).as("bytes of %s with its assets", page).isLessThanOrEqualTo(maxBytes);
        assertThat(elementsWiderThanTheWindow())
                .as("%s fits the window width", page)
                .isEmpty();
        return text;
    }

    void screenshot(String page) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            Files.write(
                    SCREENSHOTS.resolve(String.format("%s-%03d-%s.png", name, SHOTS.incrementAndGet(), slug(page))),
                    png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A full-page screenshot for the documentation. */
    void fullPageScreenshot(Path file) {
        Object height = ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(before.getWidth(), ((Number) height).intValue() + 120));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @SuppressWarnings("unchecked")
    private void assertNoSeriousAxeViolations(String page) {
        JavascriptExecutor js = driver;
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.filter(function (v) {"
                + "    return v.impact === 'serious' || v.impact === 'critical'; })"
                + "  .map(function (v) { return v.id + ' (' + v.impact + '): ' + v.help + ' at '"
                + "    + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(', '); }));"
                + "}).catch(function (e) { done(['axe failed: ' + e]); });");
        assertThat((List<String>) result).as("axe-core on %s", page).isEmpty();
    }

    private long pageWeight() {
        Object bytes = ((JavascriptExecutor) driver)
                .executeScript("var sum = 0;"
                        + "performance.getEntriesByType('navigation').forEach(function (e) { sum += e.decodedBodySize; });"
                        + "performance.getEntriesByType('resource').forEach(function (e) { sum += e.decodedBodySize; });"
                        + "return sum;");
        return ((Number) bytes).longValue();
    }

    /** The elements that stick out to the right of the window (the page would scroll sideways). */
    @SuppressWarnings("unchecked")
    private List<String> elementsWiderThanTheWindow() {
        return (List<String>) ((JavascriptExecutor) driver)
                .executeScript("var width = document.documentElement.clientWidth, out = [];"
                        + "if (document.documentElement.scrollWidth <= width + 1) { return out; }"
                        + "document.querySelectorAll('body *').forEach(function (e) {"
                        + "  var r = e.getBoundingClientRect();"
                        + "  if (r.right > width + 1 && !e.closest('.table-wrap')) {"
                        + "    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className"
                        + "      + ' right=' + Math.round(r.right) + ' of ' + width); } });"
                        + "return out.slice(0, 8);");
    }

    private static String axe;

    private static synchronized String axeSource() {
        if (axe == null) {
            try (InputStream in =
                    Browser.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
                axe = new String(Objects.requireNonNull(in, "axe-core WebJar").readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axe;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** The value of the page's progress bar ({@code role="progressbar"}), as assistive technology reads it. */
    String progress() {
        return driver.findElement(By.cssSelector("[role=progressbar]")).getAttribute("aria-valuenow");
    }

    /** Cookies as the browser holds them, by name. */
    Map<String, org.openqa.selenium.Cookie> cookies() {
        Map<String, org.openqa.selenium.Cookie> cookies = new java.util.HashMap<>();
        driver.manage().getCookies().forEach(c -> cookies.put(c.getName(), c));
        return cookies;
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static String normalise(String text) {
        return text == null ? "" : text.replace('\u00a0', ' ').trim().replaceAll("\\s+", " ");
    }

    private static String slug(String text) {
        return text.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
