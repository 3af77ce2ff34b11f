// The console of every sandbox context (packs and script tests), installed before anything else runs.
// GraalJS's own console is off: it copies whatever it is given into the host, where the watchdog cannot
// stop it. This one builds each line here, cut to `maxLine` characters, so printing a huge value costs the
// script's own time, and hands only the cut line to the host. The completion value is the line builder,
// which the pack prelude also uses for game.log.
(function (sink, maxLine) {
  'use strict';
  const { freeze, defineProperty } = Object;
  const stringify = JSON.stringify;
  const ErrorType = Error;
  const StringOf = String;

  function text(part) {
    if (typeof part === 'string') { return part; }
    if (part instanceof ErrorType) { return `${part.name}: ${part.message}`; }
    if (part !== null && typeof part === 'object') {
      try {
        return stringify(part) ?? StringOf(part);
      } catch (e) {
        return '[object that JSON cannot show]';
      }
    }
    return StringOf(part);
  }

  /** The parts separated by spaces, like console.log; at most maxLine characters, then '…'. */
  function line(parts) {
    let out = '';
    for (let i = 0; i < parts.length && out.length <= maxLine; i++) {
      const t = text(parts[i]);
      out += (i === 0 ? '' : ' ') + (t.length > maxLine ? t.slice(0, maxLine + 1) : t);
    }
    return out.length > maxLine ? out.slice(0, maxLine) + '…' : out;
  }

  function write(level, parts) {
    if (!sink.write(level, line(parts))) {
      throw new RangeError('Maximum call stack size exceeded');
    }
  }

  const console = freeze({
    log(...parts) { write('info', parts); },
    info(...parts) { write('info', parts); },
    debug(...parts) { write('debug', parts); },
    warn(...parts) { write('warn', parts); },
    error(...parts) { write('error', parts); },
  });
  defineProperty(globalThis, 'console', { value: console, writable: false, configurable: false, enumerable: false });
  return freeze(line);
})
