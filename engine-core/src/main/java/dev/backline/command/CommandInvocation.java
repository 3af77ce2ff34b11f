package dev.backline.command;

import dev.backline.world.EntityId;
import java.util.List;
import java.util.Objects;

/**
 * One command as typed: who sent it, the request id to echo, the verb as resolved, and its arguments
 * (the rest of the line, and split on white space).
 */
public record CommandInvocation(EntityId player, String requestId, String verb, String typed, String args, List<String> argv) {
    public CommandInvocation {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(verb, "verb");
        argv = List.copyOf(argv);
    }
}
