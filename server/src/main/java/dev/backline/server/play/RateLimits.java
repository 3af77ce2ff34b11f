package dev.backline.server.play;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Token-bucket limits on commands sent over {@code /play}, answered with {@code rate_limited}. Each bucket
 * holds {@code burst} tokens and refills {@code perSecond} (or {@code perMinute}) greedily.
 *
 * @param sessionBurst      commands one session may send at once
 * @param sessionPerSecond  commands per second one session may keep sending
 * @param addressBurst      commands all sessions from one address may send at once
 * @param addressPerSecond  commands per second all sessions from one address may keep sending (high: players
 *                          behind one NAT, and load generators, share an address)
 * @param chatBurst         chat commands one session may send at once
 * @param chatPerMinute     chat commands per minute one session may keep sending
 * @param chatVerbs         the first words that make a command chat, lower case
 */
public record RateLimits(int sessionBurst, int sessionPerSecond, int addressBurst, int addressPerSecond,
                         int chatBurst, int chatPerMinute, Set<String> chatVerbs) {
    public RateLimits {
        Objects.requireNonNull(chatVerbs, "chatVerbs");
        if (sessionBurst < 1 || sessionPerSecond < 1 || addressBurst < 1 || addressPerSecond < 1 || chatBurst < 1
                || chatPerMinute < 1) {
            throw new IllegalArgumentException("rate limits must be positive");
        }
        chatVerbs = chatVerbs.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public static RateLimits defaults() {
        // The usual chat verbs of text games; a game with others lists its own in play.chat-verbs.
        return new RateLimits(40, 10, 1000, 500, 5, 30, Set.of("say", "'", "tell", "shout", "yell", "emote"));
    }

    public RateLimits withSession(int burst, int perSecond) {
        return new RateLimits(burst, perSecond, addressBurst, addressPerSecond, chatBurst, chatPerMinute, chatVerbs);
    }

    public RateLimits withAddress(int burst, int perSecond) {
        return new RateLimits(sessionBurst, sessionPerSecond, burst, perSecond, chatBurst, chatPerMinute, chatVerbs);
    }

    public RateLimits withChat(int burst, int perMinute, Set<String> verbs) {
        return new RateLimits(sessionBurst, sessionPerSecond, addressBurst, addressPerSecond, burst, perMinute, verbs);
    }
}
