package dev.backline.command;

/** Runs a command on the world thread. */
@FunctionalInterface
public interface CommandHandler {
    void handle(CommandInvocation invocation);
}
