package cn.dcjk.deploy;

/** One finding of a {@link Check}: which check, on which object, and what is wrong. */
public record Violation(String check, String object, String message) {

    @Override
    public String toString() {
        return "[" + check + "] " + object + ": " + message;
    }
}
