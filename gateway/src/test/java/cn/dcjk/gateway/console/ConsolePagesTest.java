package cn.dcjk.gateway.console;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's pages as the gateway serves them: words, landmarks, scripts, headers, QR codes. */
@QuarkusTest
class ConsolePagesTest {

    static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>");

    @Test
    void everyPageRendersInChineseWithLandmarksAndNoInlineScript() {
        for (ConsolePages.Page page : ConsolePages.PAGES) {
            Response r = given().when().get(page.path());
            r.then().statusCode(200).contentType(startsWith("text/html"))
                    .header("Content-Language", "zh-CN")
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", not(containsString("unsafe")))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Frame-Options", "DENY");
            String html = r.asString();
            assertTrue(html.contains("<html lang=\"zh-CN\">"), page.path());
            assertTrue(html.contains("<main id=\"main\""), page.path() + " has its main landmark");
            assertTrue(html.contains("<nav class=\"nav\" aria-label="), page.path() + " has its navigation");
            assertTrue(html.contains("class=\"skip\" href=\"#main\""), page.path() + " has a skip link");
            Matcher m = SCRIPT.matcher(html);
            int scripts = 0;
            while (m.find()) {
                scripts++;
                String attrs = m.group(1);
                assertTrue(attrs.contains(" src=\"/console/js/") || attrs.contains("type=\"application/json\""),
                        page.path() + ": no inline script, found <script" + attrs + ">");
            }
            assertEquals(3, scripts, page.path() + ": words, the shared script, the page's script");
            given().when().get("/console/js/" + page.name() + ".js").then().statusCode(200)
                    .contentType(containsString("javascript"));
            assertEquals(page.signedIn(), html.contains("id=\"signin-needed\""), page.path());
        }
        given().when().get("/console/js/app.js").then().statusCode(200);
        given().when().get("/console/css/console.css").then().statusCode(200).contentType(containsString("text/css"));
    }

    @Test
    void englishBySwitchAndByCookie() {
        given().queryParam("lang", "en").when().get("/calendar")
                .then().statusCode(200).header("Content-Language", "en").cookie("lang", "en")
                .body(containsString("<html lang=\"en\">")).body(containsString("Coordination calendar"));
        given().cookie("lang", "en").when().get("/positive-list")
                .then().statusCode(200).body(containsString("Positive list"));
        given().cookie("lang", "en").queryParam("lang", "zh").when().get("/")
                .then().statusCode(200).cookie("lang", "zh").body(containsString("<html lang=\"zh-CN\">"));
    }

    @Test
    void bothLanguagesHaveEveryWord() throws Exception {
        Properties zh = load("zh");
        Properties en = load("en");
        assertEquals(zh.stringPropertyNames(), en.stringPropertyNames(), "the same keys in Chinese and English");
        for (ConsolePages.Page page : ConsolePages.PAGES) {
            assertTrue(zh.containsKey(ConsolePages.titleKey(page)), "a title for " + page.name());
        }
    }

    @Test
    void everyWordAScriptAsksForExists() throws Exception {
        Properties zh = load("zh");
        Pattern asked = Pattern.compile("\\bt\\('([a-z0-9_]+)'\\s*[,)]");
        int found = 0;
        for (ConsolePages.Page page : ConsolePages.PAGES) {
            for (String script : java.util.List.of("app", page.name())) {
                String js = read("/META-INF/resources/console/js/" + script + ".js");
                Matcher m = asked.matcher(js);
                while (m.find()) {
                    found++;
                    assertTrue(zh.containsKey(m.group(1)), script + ".js asks for the word " + m.group(1));
                }
            }
        }
        assertTrue(found > 100, "the scripts' words were found: " + found);
        // the heat map names each measure by bd_{measure}
        Matcher option = Pattern.compile("<option value=\"([a-z_]+)\">").matcher(read("/templates/console/burden.html"));
        int measures = 0;
        while (option.find()) {
            measures++;
            assertTrue(zh.containsKey("bd_" + option.group(1)), "a word for the measure " + option.group(1));
        }
        assertEquals(11, measures, "planned visit days, forms; visits received, forms, materials, exams, surveys, votes, "
                + "groups, escorts, briefing participants");
    }

    static String read(String resource) throws Exception {
        try (InputStream in = ConsolePagesTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theWordsBlockCannotCloseItsScriptElement() {
        for (ConsoleText.Lang lang : ConsoleText.Lang.values()) {
            String json = ConsoleText.scriptWords(lang);
            assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), "escaped: " + lang);
        }
    }

    @Test
    void theVerifyFormLandsOnTheCodesAddress() {
        given().redirects().follow(false).queryParam("code", " DCJK-2026-0001 ").when().get("/verify")
                .then().statusCode(303).header("Location", containsString("/verify/DCJK-2026-0001"));
        given().queryParam("code", "<script>").when().get("/verify")
                .then().statusCode(200).body(containsString("aria-invalid=\"true\"")).body(not(containsString("<script>")));
        given().when().get("/verify/DCJK-2026-0001")
                .then().statusCode(200).body(containsString("data-code=\"DCJK-2026-0001\""))
                .body(containsString("src=\"/verify/DCJK-2026-0001/qr.svg\""));
    }

    @Test
    void theQrCodeCarriesThePublicVerificationAddress() throws Exception {
        String svg = given().when().get("/verify/DCJK-2026-0042/qr.svg")
                .then().statusCode(200).contentType(startsWith("image/svg+xml")).extract().asString();
        assertEquals("http://127.0.0.1:8080/verify/DCJK-2026-0042", decode(svg));
        given().when().get("/verify/bad..code/qr.svg").then().statusCode(404);
    }

    @Test
    void theComplaintFormAsksForTheBodyWhenTheDirectoryCannotList() {
        // the test upstream has no units listing for the service identity: the form falls back to the code
        given().when().get("/complaint").then().statusCode(200)
                .body(containsString("id=\"c-body\" name=\"handlerUnitCode\" required"));
    }

    @Test
    void apiAnswersKeepTheirOwnHeaders() {
        given().when().get("/api/v1/nowhere").then().statusCode(404)
                .header("Content-Security-Policy", equalTo(null));
    }

    /** Reads the SVG's module runs back into a matrix (quiet zone cut) and decodes it with ZXing's decoder. */
    static String decode(String svg) throws Exception {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertTrue(box.find());
        int w = Integer.parseInt(box.group(1));
        int margin = 4;
        BitMatrix bits = new BitMatrix(w - 2 * margin);
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z").matcher(svg);
        while (run.find()) {
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            for (int i = 0; i < Integer.parseInt(run.group(3)); i++) {
                bits.set(x + i - margin, y - margin);
            }
        }
        return new Decoder().decode(bits).getText();
    }

    static Properties load(String lang) throws Exception {
        Properties p = new Properties();
        try (InputStream in = ConsolePagesTest.class.getResourceAsStream("/console/text_" + lang + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
