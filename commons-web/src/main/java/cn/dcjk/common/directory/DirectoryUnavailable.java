package cn.dcjk.common.directory;

/** The units directory could not answer; callers fail closed (503 with Retry-After, nothing written). */
public class DirectoryUnavailable extends RuntimeException {

    public DirectoryUnavailable(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
