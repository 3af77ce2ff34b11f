package dev.backline.server.play;

import java.util.Objects;

/** A valid frame from a client. {@code id} is the optional request id the answer echoes. */
sealed interface ClientFrame {
    String id();

    /**
     * {@code {"v":1,"type":"auth","token":"...","character":"Alice"}}; without {@code character}, the account's
     * first character.
     */
    record Auth(String id, String token, String character) implements ClientFrame {
        public Auth {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "Auth[id=" + id + "]";
        }
    }

    /** {@code {"v":1,"type":"cmd","id":"c1","text":"go north"}} */
    record Command(String id, String text) implements ClientFrame {
        public Command {
            Objects.requireNonNull(text, "text");
        }
    }

    /** {@code {"v":1,"type":"ping"}} */
    record Ping(String id) implements ClientFrame {
    }
}
