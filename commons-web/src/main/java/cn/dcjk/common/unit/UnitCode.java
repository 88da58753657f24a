package cn.dcjk.common.unit;

import java.util.regex.Pattern;

/**
 * The shape of a unit code of the directory (370102-D-ENV, 370000-GO) and of the other codes the
 * suite passes between services (approval codes, DCJK-2026-0007): 3 to 40 of 0-9, A-Z and '-'.
 * A malformed code is refused with 400 before any call to another service is made.
 */
public final class UnitCode {

    public static final String FORMAT = "[0-9A-Z][0-9A-Z-]{2,39}";
    public static final String MESSAGE = "3 to 40 of 0-9 A-Z -";

    private static final Pattern PATTERN = Pattern.compile(FORMAT);

    private UnitCode() {
    }

    public static boolean valid(String code) {
        return code != null && PATTERN.matcher(code).matches();
    }
}
