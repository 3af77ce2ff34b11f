package dev.backline.shard;

import dev.backline.command.CommandFailedException;
import dev.backline.command.CommandInvocation;
import dev.backline.command.CommandLine;
import dev.backline.command.CommandRegistry;
import dev.backline.command.CommandSpec;
import dev.backline.log.LogContext;
import dev.backline.session.HeldEvents;
import dev.backline.session.OutboundEvent;
import dev.backline.session.Sessions;
import dev.backline.world.EntityId;
import java.util.Optional;

/** Turns a line a player typed into a call of the registered handler, or an error event. */
public final class CommandDispatch {
    private final CommandRegistry commands;
    private final Sessions sessions;
    private final DurableCommands durable;
    private final FailureLog failures;

    CommandDispatch(CommandRegistry commands, Sessions sessions, DurableCommands durable, FailureLog failures) {
        this.commands = commands;
        this.sessions = sessions;
        this.durable = durable;
        this.failures = failures;
    }

    /**
     * Runs a command for an online player; players who left meanwhile are ignored. A command its handler
     * made durable is committed once it has ended, and its answer waits for that.
     */
    public void run(EntityId player, String requestId, String text) {
        if (!sessions.isOnline(player)) {
            return;
        }
        LogContext log = LogContext.current();
        String outer = log.enterPlayer(player.toString());
        try {
            HeldEvents held = sessions.inCommand(player, requestId, () -> dispatch(player, requestId, text));
            if (held != null) {
                durable.commit(held);
            }
        } finally {
            log.leavePlayer(outer);
        }
    }

    private void dispatch(EntityId player, String requestId, String text) {
        CommandLine line;
        try {
            line = CommandLine.parse(text);
        } catch (IllegalArgumentException e) {
            sessions.send(player, OutboundEvent.error("bad_frame", e.getMessage(), requestId));
            return;
        }
        Optional<CommandSpec> spec = commands.resolve(line.verb());
        if (spec.isEmpty()) {
            sessions.send(player, OutboundEvent.error("unknown_command",
                    "Unknown command '" + line.verb() + "'. Type 'help' for the list.", requestId));
            return;
        }
        CommandInvocation invocation = new CommandInvocation(player, requestId, spec.get().name(), line.verb(),
                line.args(), line.argv());
        try {
            spec.get().handler().handle(invocation);
        } catch (CommandFailedException e) {
            sessions.send(player, OutboundEvent.error(e.code(), e.getMessage(), requestId));
        } catch (RuntimeException e) {
            failures.failed("command '" + line.verb() + "' of " + spec.get().owner() + " for " + player, e);
            sessions.send(player, OutboundEvent.error("internal_error",
                    "Something went wrong running '" + line.verb() + "'. It has been logged.", requestId));
        }
    }
}
