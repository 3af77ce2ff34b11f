package dev.backline.server.http;

import java.util.Objects;

/** Where the server listens and the largest HTTP request body it reads. Port 0 picks a free port. */
public record HttpConfig(String host, int port, long maxPayloadBytes) {
    public HttpConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (maxPayloadBytes < 1) {
            throw new IllegalArgumentException("max payload must be positive, was " + maxPayloadBytes);
        }
    }

    public static HttpConfig defaults() {
        return new HttpConfig("0.0.0.0", 8080, 64 * 1024);
    }

    public HttpConfig withHost(String h) {
        return new HttpConfig(h, port, maxPayloadBytes);
    }

    public HttpConfig withPort(int p) {
        return new HttpConfig(host, p, maxPayloadBytes);
    }
}
