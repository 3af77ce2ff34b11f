package dev.backline.script;

import java.util.List;

/** A pack could not be loaded; the message names file and line where known, one problem per line. */
public final class PackLoadException extends RuntimeException {
    private final List<ScriptFault> faults;

    public PackLoadException(String message) {
        super(message);
        this.faults = List.of();
    }

    public PackLoadException(String message, List<ScriptFault> faults) {
        super(message);
        this.faults = List.copyOf(faults);
    }

    public List<ScriptFault> faults() {
        return faults;
    }
}
