package dev.backline.server.play;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * The token buckets of {@link RateLimits} (Bucket4j): one per address, shared by its sessions and kept in a
 * bounded Caffeine cache, and per session one for commands and one for chat. Checked on the connection's
 * thread before a command is queued, so a flood never reaches the world's queue. Thread-safe.
 */
final class CommandLimiter {
    private final RateLimits limits;
    private final Cache<String, Bucket> addresses = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();
    private final LongAdder rejected = new LongAdder();

    CommandLimiter(RateLimits limits) {
        this.limits = limits;
    }

    /** The buckets of a new session from {@code address}. */
    Session session(String address) {
        Bucket shared = addresses.get(address, a -> Bucket.builder()
                .addLimit(l -> l.capacity(limits.addressBurst()).refillGreedy(limits.addressPerSecond(), Duration.ofSeconds(1)))
                .build());
        Bucket commands = Bucket.builder()
                .addLimit(l -> l.capacity(limits.sessionBurst()).refillGreedy(limits.sessionPerSecond(), Duration.ofSeconds(1)))
                .build();
        Bucket chat = Bucket.builder()
                .addLimit(l -> l.capacity(limits.chatBurst()).refillGreedy(limits.chatPerMinute(), Duration.ofMinutes(1)))
                .build();
        return new Session(shared, commands, chat);
    }

    /** A command refused by another limit (the pending-commands cap). */
    void countRejection() {
        rejected.increment();
    }

    /** Commands refused so far, by every session. */
    long rejected() {
        return rejected.sum();
    }

    /** One session's view: its own buckets and its address's. */
    final class Session {
        private final Bucket address;
        private final Bucket commands;
        private final Bucket chat;

        private Session(Bucket address, Bucket commands, Bucket chat) {
            this.address = address;
            this.commands = commands;
            this.chat = chat;
        }

        /** Null if the command may go on, else why not (for the player). */
        String refusal(String text) {
            if (isChat(text) && !chat.tryConsume(1)) {
                rejected.increment();
                return "you are chatting too fast (" + limits.chatPerMinute() + " a minute); slow down";
            }
            if (!commands.tryConsume(1)) {
                rejected.increment();
                return "you are sending commands too fast (" + limits.sessionPerSecond() + " a second); slow down";
            }
            if (!address.tryConsume(1)) {
                rejected.increment();
                return "too many commands from your address; slow down";
            }
            return null;
        }

        private boolean isChat(String text) {
            if (limits.chatVerbs().isEmpty()) {
                return false;
            }
            String t = text.stripLeading();
            int end = 0;
            while (end < t.length() && !Character.isWhitespace(t.charAt(end))) {
                end++;
            }
            String verb = t.substring(0, end).toLowerCase(Locale.ROOT);
            // "'hello" is "say hello" in many text games: a verb of punctuation may be glued to the text.
            return limits.chatVerbs().contains(verb) || (!t.isEmpty() && !Character.isLetterOrDigit(t.charAt(0))
                    && limits.chatVerbs().contains(t.substring(0, 1)));
        }
    }
}
