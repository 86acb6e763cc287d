package cl.ventanilla.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by its chromedriver (nothing is downloaded), with a fresh profile:
 * a person in front of the screens. Screenshots go to target/screens.
 */
final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final Site server;
    private final Path profile;

    Browser(Site server, String language) throws IOException {
        this.server = server;
        this.profile = Files.createTempDirectory("ventanilla-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--lang=" + language, "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    void open(String path) {
        driver.get(server.uri(path).toString());
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    void type(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** Clicks something that does not leave the page (a checkbox). */
    void click(By by) {
        driver.findElement(by).click();
    }

    /** Clicks a button or link that loads another page, and waits until that page has loaded. */
    void clickId(String id) {
        clickAndWait(By.id(id));
    }

    /** Clicks the first element found (a link or button that loads another page), and waits for that page. */
    void clickAndWait(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        // the old page is gone once its root element can no longer be asked anything; chromedriver says
        // so with a stale-element error or, at times, "node does not belong to the document"
        wait.until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        wait.until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Chooses the first option of a select whose label contains the text. */
    void choose(String id, String text) {
        org.openqa.selenium.support.ui.Select select = new org.openqa.selenium.support.ui.Select(driver.findElement(By.id(id)));
        WebElement option = select.getOptions().stream().filter(o -> o.getText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no option with " + text + " in #" + id));
        select.selectByVisibleText(option.getText());
    }

    /**
     * Waits until the page's live line is open and the server has registered it (live-line.js marks the
     * root element {@code data-live="ready"} on the server's first message), so events pushed from now on
     * reach the page.
     */
    void awaitLive() {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> "ready".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "return document.documentElement.getAttribute('data-live');")));
    }

    ChromeDriver driver() {
        return driver;
    }

    void screenshot(String name) throws IOException {
        Path directory = Path.of(System.getProperty("ventanilla.screenshots", "target/screens"));
        Files.createDirectories(directory);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
