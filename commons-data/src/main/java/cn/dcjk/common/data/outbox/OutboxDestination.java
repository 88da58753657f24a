package cn.dcjk.common.data.outbox;

import java.net.http.HttpRequest;
import java.util.UUID;

/**
 * A destination that builds its own requests (CDI bean), for messages that do not go to another
 * service of the suite with the service's token: webhooks to integrators, signed per message. The
 * relay asks it for the request of each attempt, sends it and treats the answer as for any message.
 */
public interface OutboxDestination {

    /** The destination name messages are enqueued with. */
    String name();

    /**
     * The request for one attempt at message {@code id}: its URI, headers and body.
     *
     * @throws Undeliverable when the message can no longer be sent (the receiver is gone); the
     *         relay then sets it aside as failed
     */
    HttpRequest request(UUID id, String path, String body) throws Undeliverable;

    /** The message has nowhere to go any more. */
    final class Undeliverable extends Exception {
        public Undeliverable(String message) {
            super(message, null, false, false);
        }
    }
}
