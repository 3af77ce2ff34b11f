package dev.backline.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;

/** The token of an {@code Authorization: Bearer <token>} header. */
public final class Bearer {
    private static final String PREFIX = "Bearer ";

    private Bearer() {
    }

    /** The token, or empty if the header is missing, not a bearer token or blank. */
    public static Optional<String> token(ServerRequest request) {
        String header = request.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        String token = header.substring(PREFIX.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
