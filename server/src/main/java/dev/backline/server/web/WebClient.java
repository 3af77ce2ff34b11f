package dev.backline.server.web;

import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;

/**
 * The browser client: static files from the {@code web/} folder of the server's resources, served at
 * {@code /} with {@code index.html} as the welcome file. It talks to the server only through the public
 * protocol ({@code /api}, {@code /play}), so it needs no server code of its own. Paths that are not files
 * fall through to the other routes, so registering it never hides {@code /api}, {@code /health} or
 * {@code /admin}.
 */
public final class WebClient {
    private WebClient() {
    }

    /** The service to register at {@code /}. */
    public static HttpService service() {
        return StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                .location("web")
                .welcome("index.html")
                .build());
    }
}
