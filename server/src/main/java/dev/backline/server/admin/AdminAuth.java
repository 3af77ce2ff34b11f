package dev.backline.server.admin;

import dev.backline.server.http.ApiException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks {@code Authorization: Bearer <admin token>}; the comparison takes the same time for every wrong token. */
final class AdminAuth {
    private final byte[] token;

    AdminAuth(AdminConfig config) {
        this.token = config.token().getBytes(StandardCharsets.UTF_8);
    }

    /** The actor to record in the audit trail. @throws ApiException 401 without the right token */
    String require(ServerRequest request) {
        String header = request.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        if (!header.startsWith("Bearer ")) {
            throw new ApiException(Status.UNAUTHORIZED_401, "the admin API needs 'Authorization: Bearer <admin token>'");
        }
        byte[] given = header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) {
            throw new ApiException(Status.UNAUTHORIZED_401, "wrong admin token");
        }
        return "admin@" + request.remotePeer().host();
    }
}
