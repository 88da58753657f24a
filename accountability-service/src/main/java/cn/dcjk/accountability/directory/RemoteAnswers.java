package cn.dcjk.accountability.directory;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * How another service's answer becomes an exception of ours: 404 is an answer ("no such thing"),
 * never retried nor counted against the circuit; 5xx and the like mean "cannot answer now".
 */
public final class RemoteAnswers {

    private RemoteAnswers() {
    }

    /** The other service says the thing does not exist (or is not visible to the caller). */
    public static class Absent extends RuntimeException {
        public Absent(String message) {
            super(message, null, false, false);
        }
    }

    /** The other service refused the caller (401/403): an answer, not an outage. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** The other service could not answer (5xx, 429, anything unexpected). */
    public static class Unreachable extends RuntimeException {
        public Unreachable(String message) {
            super(message, null, false, false);
        }
    }

    public static class Mapper implements ResponseExceptionMapper<RuntimeException> {
        @Override
        public RuntimeException toThrowable(Response response) {
            int status = response.getStatus();
            if (status == 404) {
                return new Absent("HTTP 404");
            }
            if (status == 401 || status == 403) {
                return new Refused("HTTP " + status);
            }
            return new Unreachable("HTTP " + status);
        }

        @Override
        public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
            return status >= 400;
        }
    }
}
