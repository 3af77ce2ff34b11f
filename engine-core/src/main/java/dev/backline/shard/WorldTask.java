package dev.backline.shard;

import dev.backline.command.CommandLine;

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

    /**
     * A player's command line as a task whose kind is its verb ({@link CommandLine#verbOf}): what it costs
     * depends on the command far more than on anything else.
     */
    static WorldTask command(String text, WorldTask body) {
        return ofKind("command " + CommandLine.verbOf(text), body);
    }

    private static WorldTask ofKind(String kind, WorldTask body) {
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
}
