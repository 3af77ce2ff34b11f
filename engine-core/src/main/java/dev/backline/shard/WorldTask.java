package dev.backline.shard;

/** Work handed to the world thread: the only way anything outside it changes the world. */
@FunctionalInterface
public interface WorldTask {
    void run(Shard shard);

    /**
     * What kind of work this is, for predicting how long it takes (tasks of a kind take alike: a command's
     * verb); null when it is not worth telling apart.
     */
    default String kind() {
        return null;
    }

    /** {@code body} as a task of {@code kind} (see {@link #kind()}). */
    static WorldTask ofKind(String kind, WorldTask body) {
        return new WorldTask() {
            @Override
            public void run(Shard shard) {
                body.run(shard);
            }

            @Override
            public String kind() {
                return kind;
            }
        };
    }

    /**
     * A player's command line as a task whose kind is its first word (lower-case, at most 32 characters):
     * what it costs depends on the command far more than on anything else.
     */
    static WorldTask command(String text, WorldTask body) {
        String trimmed = text == null ? "" : text.strip();
        int end = 0;
        while (end < trimmed.length() && end < 32 && !Character.isWhitespace(trimmed.charAt(end))) {
            end++;
        }
        return ofKind("command " + trimmed.substring(0, end).toLowerCase(java.util.Locale.ROOT), body);
    }
}
