package cn.dcjk.gateway.route;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * A request path in canonical form: percent-decoded once, matrix parameters cut, duplicate
 * slashes collapsed, dot segments resolved, no trailing slash. {@code lower} is what routing and
 * policy match on; {@code canonical} tells whether the client spelled it that way already, so a
 * policy can refuse every other spelling instead of guessing what an upstream would make of it.
 */
public record RequestPath(String raw, String path, String lower, boolean canonical) {

    /** Null when the path cannot be read unambiguously at all (bad escapes, NUL, backslash, above root). */
    public static RequestPath parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') {
            return null;
        }
        String decoded = decode(raw);
        if (decoded == null || decoded.indexOf('\\') >= 0) {
            return null;
        }
        for (int i = 0; i < decoded.length(); i++) {
            if (Character.isISOControl(decoded.charAt(i))) {
                return null;
            }
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : decoded.split("/")) {
            int semicolon = segment.indexOf(';');
            String s = semicolon >= 0 ? segment.substring(0, semicolon) : segment;
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.removeLast();
                continue;
            }
            segments.addLast(s);
        }
        String path = "/" + String.join("/", segments);
        boolean canonical = path.equals(raw) && path.indexOf('%') < 0;
        return new RequestPath(raw, path, path.toLowerCase(Locale.ROOT), canonical);
    }

    /** Under a prefix by whole segments, case-insensitively: /api/v1/units matches /api/v1/units/x, not /api/v1/unitsx. */
    public boolean under(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        return lower.equals(p) || lower.startsWith(p.endsWith("/") ? p : p + "/");
    }

    private static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c > 0x7f) {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
