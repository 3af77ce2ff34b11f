package dev.backline.script;

import dev.backline.shard.Shard;
import org.graalvm.polyglot.Engine;

/** What every generation of every pack of one runtime shares. */
record PackEnvironment(Engine engine, Shard shard, ScriptWatchdog watchdog, ScriptLimits limits, ScriptFaults faults,
                       QuarantinePolicy quarantine, Tunables tunables, ScriptAudit audit) {
}
