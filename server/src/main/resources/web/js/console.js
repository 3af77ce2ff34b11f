// The console: scrollback (bounded), the command line with history (up/down) and Tab completion of
// command names learnt from the `help` command's payload.

const MAX_LINES = 1000;
const MAX_HISTORY = 100;
// Until `help` has answered: the commands every Backline game has (docs/protocol.md).
const STARTER_COMMANDS = ['look', 'go', 'say', 'who', 'help'];

export class GameConsole {
  constructor({ log, form, input, onCommand }) {
    this.log = log;
    this.input = input;
    this.onCommand = onCommand;
    this.history = [];
    this.historyAt = 0;
    this.draft = '';
    this.commands = [...STARTER_COMMANDS];
    this.completion = null;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit();
    });
    input.addEventListener('keydown', (e) => this.key(e));
  }

  /** Appends a block of text; kind is a CSS class (event type, 'error', 'echo', 'system'). */
  print(text, kind = 'message') {
    if (text === undefined || text === null || text === '') return;
    const stick = this.log.scrollTop + this.log.clientHeight >= this.log.scrollHeight - 40;
    const line = document.createElement('div');
    line.className = `line ${kind}`;
    line.textContent = text;
    this.log.append(line);
    while (this.log.childElementCount > MAX_LINES) this.log.firstElementChild.remove();
    if (stick) this.log.scrollTop = this.log.scrollHeight;
  }

  /** Command names (and aliases) for completion, from help's payload: [{name, aliases}]. */
  learnCommands(list) {
    const names = list.map((c) => c?.name).filter((n) => typeof n === 'string');
    if (names.length === 0) return;
    this.commands = [...new Set(names)].sort();
    this.aliases = [...new Set(list.flatMap((c) => c?.aliases ?? []).filter((a) => /^[a-z]/i.test(a)))].sort();
  }

  submit() {
    const text = this.input.value.trim();
    if (text === '') return;
    if (this.history[this.history.length - 1] !== text) this.history.push(text);
    if (this.history.length > MAX_HISTORY) this.history.shift();
    this.historyAt = this.history.length;
    this.input.value = '';
    this.onCommand(text);
  }

  key(e) {
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      this.recall(e.key === 'ArrowUp' ? -1 : 1);
    } else if (e.key === 'Tab' && !e.shiftKey && !e.altKey && !e.ctrlKey) {
      // Tab completes a command word; with nothing to complete it moves focus as usual.
      if (this.complete()) e.preventDefault();
    } else {
      this.completion = null;
    }
  }

  recall(step) {
    if (this.history.length === 0) return;
    if (this.historyAt === this.history.length) this.draft = this.input.value;
    this.historyAt = Math.max(0, Math.min(this.history.length, this.historyAt + step));
    this.input.value = this.historyAt === this.history.length ? this.draft : this.history[this.historyAt];
    this.input.setSelectionRange(this.input.value.length, this.input.value.length);
  }

  /** Completes the first word; repeated Tabs cycle through the matches. Returns whether it did anything. */
  complete() {
    const value = this.input.value;
    if (value === '' || /\s/.test(value)) return false;
    if (this.completion && this.completion.shown === value) {
      const c = this.completion;
      c.index = (c.index + 1) % c.matches.length;
      c.shown = c.matches[c.index];
    } else {
      const prefix = value.toLowerCase();
      // Command names first; an alias only when no name fits ("inv" completes to "inventory").
      const byName = this.commands.filter((name) => name.startsWith(prefix));
      const matches = byName.length > 0 ? byName : (this.aliases ?? []).filter((a) => a.startsWith(prefix));
      if (matches.length === 0) return false;
      this.completion = { matches, index: 0, shown: matches[0] };
      if (matches.length > 1) this.print(`Commands: ${matches.join(', ')}`, 'system');
    }
    this.input.value = this.completion.matches.length === 1 ? `${this.completion.shown} ` : this.completion.shown;
    if (this.completion.matches.length === 1) this.completion = null;
    return true;
  }
}
