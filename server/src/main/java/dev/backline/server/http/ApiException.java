package dev.backline.server.http;

import io.helidon.http.Status;
import java.util.Objects;

/**
 * A request that cannot be served, with the status and a message for the client. Handlers throw it; the
 * routing turns it into {@code {"error": message}}.
 */
public final class ApiException extends RuntimeException {
    private final Status status;

    public ApiException(Status status, String message) {
        super(message, null, false, false);
        this.status = Objects.requireNonNull(status, "status");
    }

    public static ApiException badRequest(String message) {
        return new ApiException(Status.BAD_REQUEST_400, message);
    }

    public Status status() {
        return status;
    }
}
