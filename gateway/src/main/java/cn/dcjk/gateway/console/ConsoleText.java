package cn.dcjk.gateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The console's words in Chinese (the default) and English, from console/text_zh.properties and
 * console/text_en.properties. Pages read them by key, and the page's scripts get them as one JSON
 * block. A key missing in English falls back to Chinese.
 */
public final class ConsoleText {

    public enum Lang {
        ZH("zh-CN"), EN("en");

        public final String tag;

        Lang(String tag) {
            this.tag = tag;
        }

        /** {@code en} (any case, any region) is English; everything else, absent included, Chinese. */
        public static Lang of(String value) {
            return value != null && value.trim().toLowerCase(Locale.ROOT).startsWith("en") ? EN : ZH;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ZH_TEXT = load("zh", Map.of());
    private static final Map<String, String> EN_TEXT = load("en", ZH_TEXT);
    private static final String ZH_SCRIPT = script(ZH_TEXT);
    private static final String EN_SCRIPT = script(EN_TEXT);

    private ConsoleText() {
    }

    public static Map<String, String> words(Lang lang) {
        return lang == Lang.EN ? EN_TEXT : ZH_TEXT;
    }

    /** The script words as JSON that is safe inside a {@code <script type="application/json">} element. */
    public static String scriptWords(Lang lang) {
        return lang == Lang.EN ? EN_SCRIPT : ZH_SCRIPT;
    }

    private static Map<String, String> load(String lang, Map<String, String> fallback) {
        Properties p = new Properties();
        try (InputStream in = ConsoleText.class.getResourceAsStream("/console/text_" + lang + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("console/text_" + lang + ".properties is missing");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new TreeMap<>(fallback);
        p.forEach((k, v) -> out.put((String) k, (String) v));
        return Collections.unmodifiableMap(out);
    }

    private static String script(Map<String, String> words) {
        try {
            // "<" escaped so no text can close the script element early
            return JSON.writeValueAsString(words).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
