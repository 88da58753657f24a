package cn.dcjk.fullstack;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * axe-core (the WebJar on the test class path) run inside the page the browser shows: the WCAG 2.x
 * A and AA rules and axe's best practices, over the whole document. A violation of serious or
 * critical impact fails the test, naming the rule, its help text and the elements.
 */
final class Axe {

    static final String VERSION = "4.6.3";
    private static final String SCRIPT = load();

    private Axe() {
    }

    /** The serious and critical violations on the page the driver shows. */
    @SuppressWarnings("unchecked")
    static List<String> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object present = js.executeScript("return typeof window.axe === 'object';");
        if (!Boolean.TRUE.equals(present)) {
            // injected through the driver, outside the page's content security policy
            js.executeScript(SCRIPT);
        }
        Object answer = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: "
                + "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })"
                + ".then(function (r) { done(r.violations.map(function (v) { return { id: v.id, impact: v.impact,"
                + " help: v.help, nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' ') + ' '"
                + " + (n.failureSummary || '').replace(/\\s+/g, ' '); }) }; })); })"
                + ".catch(function (e) { done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]); });");
        List<String> out = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) answer) {
            Object impact = v.get("impact");
            if ("serious".equals(impact) || "critical".equals(impact)) {
                out.add(v.get("id") + " (" + impact + "): " + v.get("help") + " at " + v.get("nodes"));
            }
        }
        return out;
    }

    static void assertAccessible(WebDriver driver, String where) {
        List<String> found = violations(driver);
        assertTrue(found.isEmpty(), "axe-core " + VERSION + " on " + where + " (" + driver.getCurrentUrl() + "): " + found);
    }

    private static String load() {
        String path = "META-INF/resources/webjars/axe-core/" + VERSION + "/axe.min.js";
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test class path: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
