package cn.dcjk.common.request;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reading of a request target (path and query) shared by the gateway and the services.
 *
 * <p>A raw path is read once: only RFC 3986 path characters may appear unencoded; every escape must
 * be valid and decode to UTF-8 that is neither a control character nor one of {@code / \ % . ;}
 * (such escapes would mean one thing to the gateway and another to a service that decodes again);
 * raw backslashes, matrix parameters and dot segments above the root are refused. Duplicate slashes,
 * {@code .} and {@code ..} segments and a trailing slash are resolved. The result is re-encoded by
 * one rule ({@link #encodedPath()}), so decoding it again yields the same segments: whatever reads
 * the forwarded form reads what the gateway decided about.
 *
 * <p>The query is read as {@code application/x-www-form-urlencoded} pairs ({@code +} is a space),
 * with the same escape and control-character checks, and re-encoded by one rule.
 */
public final class CanonicalTarget {

    /** Why a target was refused; the message names the offending part. */
    public static final class Refused extends Exception {
        public final String reasonZh;

        Refused(String reasonZh, String reasonEn) {
            super(reasonEn, null, false, false);
            this.reasonZh = reasonZh;
        }
    }

    private final List<String> segments;
    private final List<String[]> params;
    private final String path;
    private final String encodedPath;
    private final String encodedQuery;
    private final boolean pathAsSent;

    private CanonicalTarget(List<String> segments, List<String[]> params, String rawPath) {
        this.segments = List.copyOf(segments);
        this.params = List.copyOf(params);
        this.path = "/" + String.join("/", segments);
        StringBuilder p = new StringBuilder();
        for (String s : segments) {
            p.append('/').append(encode(s, false));
        }
        this.encodedPath = p.isEmpty() ? "/" : p.toString();
        StringBuilder q = new StringBuilder();
        for (String[] kv : params) {
            if (!q.isEmpty()) {
                q.append('&');
            }
            q.append(encode(kv[0], true));
            if (kv[1] != null) {
                q.append('=').append(encode(kv[1], true));
            }
        }
        this.encodedQuery = q.isEmpty() ? null : q.toString();
        this.pathAsSent = encodedPath.equals(rawPath);
    }

    /** Reads a raw path and raw query (null when absent); refuses what could be read two ways. */
    public static CanonicalTarget parse(String rawPath, String rawQuery) throws Refused {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            throw new Refused("请求路径必须以 / 开头", "The path must start with /");
        }
        List<String> segments = new ArrayList<>();
        int start = 1;
        for (int i = 1; i <= rawPath.length(); i++) {
            if (i == rawPath.length() || rawPath.charAt(i) == '/') {
                String raw = rawPath.substring(start, i);
                start = i + 1;
                if (raw.isEmpty() || raw.equals(".")) {
                    continue;
                }
                if (raw.equals("..")) {
                    if (segments.isEmpty()) {
                        throw new Refused("路径越出根目录", "The path climbs above the root");
                    }
                    segments.remove(segments.size() - 1);
                    continue;
                }
                segments.add(segment(raw));
            }
        }
        List<String[]> params = rawQuery == null ? List.of() : query(rawQuery);
        return new CanonicalTarget(segments, params, rawPath);
    }

    /** The decoded path, segments joined by /, starting with /. Routing and policy read this. */
    public String path() {
        return path;
    }

    public List<String> segments() {
        return segments;
    }

    /** The path re-encoded by the one rule: what is forwarded. */
    public String encodedPath() {
        return encodedPath;
    }

    /** The query re-encoded by the one rule, null when there is none. */
    public String encodedQuery() {
        return encodedQuery;
    }

    /** Path and query as forwarded, and as signed in an admission stamp. */
    public String encoded() {
        return encodedQuery == null ? encodedPath : encodedPath + "?" + encodedQuery;
    }

    /** Whether the client spelled the path exactly in canonical form. */
    public boolean pathAsSent() {
        return pathAsSent;
    }

    public boolean hasQuery() {
        return !params.isEmpty();
    }

    /** Under a prefix by whole segments, case-sensitively (services route case-sensitively). */
    public boolean under(String prefix) {
        return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    }

    private static final String PCHAR_EXTRA = "-._~!$&'()*+,=:@";

    private static boolean rawPathChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || PCHAR_EXTRA.indexOf(c) >= 0 || c == '%';
    }

    private static String segment(String raw) throws Refused {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ';') {
                throw new Refused("路径不得含矩阵参数（;）", "Matrix parameters (;) are not accepted in the path");
            }
            if (c == '\\') {
                throw new Refused("路径不得含反斜杠", "Backslashes are not accepted in the path");
            }
            if (!rawPathChar(c)) {
                throw new Refused("路径含未转义的字符 U+" + hex(c), "The path holds an unencoded character U+" + hex(c));
            }
        }
        String s = decode(raw, false);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/' || c == '\\' || c == '%' || c == ';' || Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT) {
                throw new Refused("路径中的转义解码后为 U+" + hex(c) + "，会被再次解读",
                        "An escape in the path decodes to U+" + hex(c) + ", which a second decoding reads differently");
            }
        }
        if (raw.contains("%2E") || raw.contains("%2e")) {
            throw new Refused("路径中不得转义点号", "Dots may not be escaped in the path");
        }
        return s;
    }

    private static List<String[]> query(String raw) throws Refused {
        List<String[]> params = new ArrayList<>();
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            for (int i = 0; i < pair.length(); i++) {
                char c = pair.charAt(i);
                if (!rawPathChar(c) && c != '/' && c != '?' && c != ';') {
                    throw new Refused("查询参数含未转义的字符 U+" + hex(c), "The query holds an unencoded character U+" + hex(c));
                }
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String v = eq < 0 ? null : decode(pair.substring(eq + 1), true);
            for (String s : v == null ? List.of(k) : List.of(k, v)) {
                for (int i = 0; i < s.length(); i++) {
                    if (Character.isISOControl(s.charAt(i))) {
                        throw new Refused("查询参数含控制字符", "The query holds a control character");
                    }
                }
            }
            if (k.isEmpty()) {
                throw new Refused("查询参数缺少名称", "A query parameter has no name");
            }
            params.add(new String[] {k, v});
        }
        return params;
    }

    private static String decode(String raw, boolean plusIsSpace) throws Refused {
        if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new Refused("非法的百分号转义", "A percent escape is malformed");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (plusIsSpace && c == '+') {
                bytes.write(' ');
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new Refused("转义解码后不是合法的 UTF-8", "An escape does not decode to valid UTF-8");
        }
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Percent-encodes everything but unreserved characters (and, in a path, sub-delimiters other than ;). */
    static String encode(String s, boolean query) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~'
                    || (!query && "!$'()*,=:@".indexOf(c) >= 0) || (query && (c == ':' || c == ',' || c == '@'));
            if (keep) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            int cp = s.codePointAt(i);
            if (Character.isSupplementaryCodePoint(cp)) {
                i++;
            }
            for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out == null ? s : out.toString();
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }

    @Override
    public String toString() {
        return encoded();
    }
}
