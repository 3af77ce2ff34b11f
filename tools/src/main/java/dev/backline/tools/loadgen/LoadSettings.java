package dev.backline.tools.loadgen;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a load run does: how many players join the server at {@code url}, how fast each sends which
 * commands, and for how long.
 *
 * @param url             the server: {@code ws://host:port} (or {@code http://}; a trailing {@code /play} is fine)
 * @param rate            commands per second per player; 0 only holds the connections open
 * @param duration        how long every joined player sends, once all have joined
 * @param rampUp          over how long the players start joining (evenly spread)
 * @param runId           prefix of this run's account names, so two runs never collide
 * @param drain           how long to wait for the last answers after the sending stops
 * @param joinConcurrency players registering, logging in and connecting at the same time, at most
 * @param joinTimeout     a player not in the world by then counts as a failed join
 */
public record LoadSettings(URI url, int players, double rate, Duration duration, Duration rampUp, CommandMix mix,
                           String runId, Duration drain, int joinConcurrency, Duration joinTimeout) {
    /** Account names are {@code lg<runId>-<n>}: the server's rule is 3-20 characters, a letter first. */
    static final int RUN_ID_LENGTH = 6;
    public static final int MAX_PLAYERS = 1_000_000;

    public LoadSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(rampUp, "rampUp");
        Objects.requireNonNull(mix, "mix");
        Objects.requireNonNull(drain, "drain");
        Objects.requireNonNull(joinTimeout, "joinTimeout");
        httpBase(url);
        if (players < 1 || players > MAX_PLAYERS) {
            throw new IllegalArgumentException("players must be 1 to " + MAX_PLAYERS + ", not " + players);
        }
        if (!(rate >= 0) || rate > 1000) {
            throw new IllegalArgumentException("the rate must be 0 to 1000 commands per second per player, not " + rate);
        }
        if (duration.isNegative() || rampUp.isNegative() || drain.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (joinConcurrency < 1) {
            throw new IllegalArgumentException("join concurrency must be at least 1, not " + joinConcurrency);
        }
        if (runId == null || !runId.matches("[a-z0-9]{1," + RUN_ID_LENGTH + "}")) {
            throw new IllegalArgumentException("the run id must be 1 to " + RUN_ID_LENGTH
                    + " lower-case letters or digits, not '" + runId + "'");
        }
    }

    /** Defaults for what the command line leaves out: no ramp-up, a fresh run id, 5 s drain, 64 joins at once. */
    public static LoadSettings of(URI url, int players, double rate, Duration duration, CommandMix mix) {
        return new LoadSettings(url, players, rate, duration, Duration.ZERO, mix, newRunId(), Duration.ofSeconds(5), 64,
                Duration.ofSeconds(60));
    }

    public LoadSettings withRampUp(Duration d) {
        return new LoadSettings(url, players, rate, duration, d, mix, runId, drain, joinConcurrency, joinTimeout);
    }

    public LoadSettings withDuration(Duration d) {
        return new LoadSettings(url, players, rate, d, rampUp, mix, runId, drain, joinConcurrency, joinTimeout);
    }

    public LoadSettings withRunId(String id) {
        return new LoadSettings(url, players, rate, duration, rampUp, mix, id, drain, joinConcurrency, joinTimeout);
    }

    public LoadSettings withJoinConcurrency(int n) {
        return new LoadSettings(url, players, rate, duration, rampUp, mix, runId, drain, n, joinTimeout);
    }

    /** A random run id, e.g. {@code k3f9a0}. */
    public static String newRunId() {
        String digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        StringBuilder b = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < RUN_ID_LENGTH; i++) {
            b.append(digits.charAt(random.nextInt(digits.length())));
        }
        return b.toString();
    }

    /** The account name of player {@code n} of this run, e.g. {@code lgk3f9a0-1c}. */
    public String accountName(int n) {
        return "lg" + runId + "-" + Integer.toString(n, 36);
    }

    /** One password for the run's accounts; the server wants 8 to 128 characters. */
    String password() {
        return "loadgen-" + runId;
    }

    /** {@code http://host:port} for the accounts API. */
    public URI httpBase() {
        return httpBase(url);
    }

    /** {@code ws://host:port/play}. */
    public URI playUri() {
        URI base = httpBase(url);
        return URI.create((base.getScheme().equals("https") ? "wss" : "ws") + "://" + base.getRawAuthority() + "/play");
    }

    static URI httpBase(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String http = switch (scheme) {
            case "ws", "http" -> "http";
            case "wss", "https" -> "https";
            default -> throw new IllegalArgumentException("the url must start with ws://, wss://, http:// or https://, not '" + url + "'");
        };
        if (url.getRawAuthority() == null || url.getHost() == null) {
            throw new IllegalArgumentException("the url '" + url + "' names no host; write it like ws://localhost:8080");
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        if (!path.isEmpty() && !path.equals("/") && !path.equals("/play") && !path.equals("/play/")) {
            throw new IllegalArgumentException("the url's path must be empty or /play, not '" + path + "'");
        }
        return URI.create(http + "://" + url.getRawAuthority());
    }
}
