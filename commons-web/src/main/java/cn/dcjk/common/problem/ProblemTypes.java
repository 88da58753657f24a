package cn.dcjk.common.problem;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The absolute URIs of problem types: {@code <base><slug>}, where the base is the configuration
 * property {@code dcjk.problems.base-uri} (environment {@code PROBLEMS_BASE_URI}), the public
 * address of the gateway's problem catalogue, e.g. {@code https://dcjk.example.gov.cn/problems/}.
 * Every type resolves there to a page saying what the problem means and what to do.
 */
public final class ProblemTypes {

    public static final String PROPERTY = "dcjk.problems.base-uri";
    public static final String DEFAULT_BASE = "http://127.0.0.1:8080/problems/";

    private static volatile String base;

    private ProblemTypes() {
    }

    public static String base() {
        String b = base;
        if (b == null) {
            try {
                b = ConfigProvider.getConfig().getOptionalValue(PROPERTY, String.class).orElse(DEFAULT_BASE);
            } catch (RuntimeException | LinkageError e) {
                b = DEFAULT_BASE;
            }
            b = b.endsWith("/") ? b : b + "/";
            base = b;
        }
        return b;
    }

    public static String of(String slug) {
        return base() + slug;
    }

    /** The slug of a type URI of the suite, or null when it is not one. */
    public static String slugOf(String type) {
        return type != null && type.startsWith(base()) ? type.substring(base().length()) : null;
    }
}
