package dev.backline.server.http;

import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** Turns exceptions escaping HTTP handlers into JSON {@code {"error": ...}} answers. */
public final class ApiErrors {
    private static final Logger LOG = System.getLogger("backline.http");

    private ApiErrors() {
    }

    /** Registers the error handlers on a routing. */
    public static void install(HttpRouting.Builder routing) {
        routing.error(ApiException.class, (req, res, e) -> JsonBody.sendError(res, e.status(), e.getMessage()))
                .error(HttpException.class, (req, res, e) -> {
                    // The static content service answers a matching ETag by throwing 304, which must have no body.
                    if (e.status().code() == Status.NOT_MODIFIED_304.code()) {
                        res.status(e.status()).send();
                    } else {
                        JsonBody.sendError(res, e.status(), e.getMessage());
                    }
                })
                .error(RuntimeException.class, (req, res, e) -> {
                    LOG.log(Level.ERROR, "HTTP " + req.prologue().method().text() + " " + req.path().path()
                            + " failed: " + e, e);
                    JsonBody.sendError(res, Status.INTERNAL_SERVER_ERROR_500, "internal error; it has been logged");
                });
    }
}
