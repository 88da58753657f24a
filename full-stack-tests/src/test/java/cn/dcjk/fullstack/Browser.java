package cn.dcjk.fullstack;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * The system's Chromium, headless, driven by the system's chromium-driver (Debian packages
 * {@code chromium} and {@code chromium-driver}; {@code .ci/run} installs them). Each browser has a
 * fresh profile, so no sign-in carries over between browsers. Screenshots go to target/screenshots/.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final List<String> BINARIES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver",
            "/usr/local/bin/chromedriver");

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** The browser and its driver, or why there is none. */
    static Optional<String> missing() {
        if (find(BINARIES).isEmpty()) {
            return Optional.of("no Chromium found at " + BINARIES + " (Debian: apt-get install chromium chromium-driver)");
        }
        if (find(DRIVERS).isEmpty()) {
            return Optional.of("no chromium-driver found at " + DRIVERS + " (Debian: apt-get install chromium-driver)");
        }
        return Optional.empty();
    }

    static Browser open(int width, int height) {
        try {
            Path profile = Files.createTempDirectory("dcjk-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(find(BINARIES).orElseThrow());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=zh-CN");
            if (width < 500) {
                // a desktop window cannot be that narrow: the phone's screen is emulated
                options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                        Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true)));
            }
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(find(DRIVERS).orElseThrow())).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a browser profile: " + e.getMessage(), e);
        }
    }

    /** The console's errors since the last call (CSP violations, failed loads, script errors). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** Saves the whole page (top to bottom, up to 3000 px) as target/screenshots/{name}.png. */
    Path screenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        boolean desktop = before.getWidth() >= 500;
        try {
            Files.createDirectories(SCREENSHOTS);
            if (desktop) {
                long height = ((Number) driver.executeScript("window.scrollTo(0, 0); "
                        + "return document.documentElement.scrollHeight;")).longValue();
                driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(3000, height + 140)));
            }
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path to = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
            return to;
        } catch (IOException e) {
            throw new IllegalStateException("cannot save the screenshot " + name + ": " + e.getMessage(), e);
        } finally {
            if (desktop) {
                driver.manage().window().setSize(before);
            }
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }

    private static Optional<String> find(List<String> candidates) {
        return candidates.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
    }
}
