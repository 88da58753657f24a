package cn.dcjk.common.api;

/**
 * What a string of the suite may hold: any Unicode text but control characters (other than tab,
 * line feed and carriage return) and lone surrogates. PostgreSQL refuses NUL, UTF-8 cannot carry a
 * lone surrogate (it would silently become '?'), and neither belongs in an official record.
 */
public final class Text {

    private Text() {
    }

    /** Why the text is refused, naming the first offending character, or null when it is acceptable. */
    public static String problem(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "lone surrogate " + code(c) + " at character " + i;
            }
            if (Character.isLowSurrogate(c)) {
                return "lone surrogate " + code(c) + " at character " + i;
            }
            if (control(c)) {
                return "control character " + code(c) + " at character " + i + " is not allowed";
            }
        }
        return null;
    }

    static boolean control(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
    }

    private static String code(char c) {
        return String.format("U+%04X", (int) c);
    }
}
