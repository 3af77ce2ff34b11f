// The WebSocket half of the protocol: one socket to /play, `auth` first, then `cmd` and `ping` frames.
// A dropped connection is retried with exponential backoff (1 s doubling to 30 s, with jitter); errors that
// mean "do not come back" (a bad token, the same player connected elsewhere) stop the retries.

const PROTOCOL = 1;
const PING_EVERY_MS = 50_000;          // the server may close a socket silent for 5 minutes
const BACKOFF_MS = [1000, 2000, 4000, 8000, 16000, 30000];
// Error codes after which reconnecting would only fail again (see docs/protocol.md, Error codes).
const FINAL = new Set(['unauthorized', 'session_replaced']);

export class Connection {
  /**
   * @param {object} handlers onEvent(frame), onStatus(state, detail), onFinal(code, message)
   */
  constructor({ token, character, handlers }) {
    this.token = token;
    this.character = character ?? null;
    this.handlers = handlers;
    this.socket = null;
    this.attempt = 0;
    this.nextId = 1;
    this.stopped = false;
    this.finalError = null;
    this.pingTimer = null;
    this.retryTimer = null;
  }

  url() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${scheme}//${location.host}/play`;
  }

  open() {
    this.stopped = false;
    this.finalError = null;
    this.handlers.onStatus(this.attempt === 0 ? 'connecting' : 'reconnecting', this.attempt);
    const socket = new WebSocket(this.url());
    this.socket = socket;
    socket.addEventListener('open', () => {
      const auth = { v: PROTOCOL, type: 'auth', token: this.token };
      if (this.character) auth.character = this.character;
      socket.send(JSON.stringify(auth));
    });
    socket.addEventListener('message', (e) => this.receive(e.data));
    socket.addEventListener('close', (e) => this.closed(socket, e));
  }

  receive(data) {
    let frame;
    try {
      frame = JSON.parse(data);
    } catch {
      this.handlers.onEvent({ type: 'error', code: 'bad_json', message: 'The server sent something that is not JSON.' });
      return;
    }
    if (frame.type === 'welcome') {
      const wasRetry = this.attempt > 0;
      this.attempt = 0;
      this.startPings();
      this.handlers.onStatus('connected', wasRetry);
    }
    if (frame.type === 'error' && FINAL.has(frame.code)) this.finalError = frame;
    if (frame.type !== 'pong') this.handlers.onEvent(frame);
  }

  closed(socket, event) {
    if (socket !== this.socket) return;
    this.stopPings();
    this.socket = null;
    if (this.stopped) return;
    const final = this.finalError ?? (FINAL.has(event.reason) ? { code: event.reason, message: '' } : null);
    if (final) {
      this.stopped = true;
      this.handlers.onFinal(final.code, final.message);
      return;
    }
    const delay = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
    const jittered = Math.round(delay * (0.8 + Math.random() * 0.4));
    this.attempt += 1;
    this.handlers.onStatus('lost', { delay: jittered, attempt: this.attempt, code: event.code, reason: event.reason });
    this.retryTimer = setTimeout(() => this.open(), jittered);
  }

  /** Sends a command; returns its request id, or null when not connected. */
  command(text, idPrefix = 'c') {
    if (!this.connected()) return null;
    const id = `${idPrefix}${this.nextId++}`;
    this.socket.send(JSON.stringify({ v: PROTOCOL, type: 'cmd', id, text }));
    return id;
  }

  connected() {
    return this.socket !== null && this.socket.readyState === WebSocket.OPEN;
  }

  startPings() {
    this.stopPings();
    this.pingTimer = setInterval(() => {
      if (this.connected()) this.socket.send(JSON.stringify({ v: PROTOCOL, type: 'ping', id: `p${this.nextId++}` }));
    }, PING_EVERY_MS);
  }

  stopPings() {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
  }

  /** Closes for good (logging out): no reconnect. */
  close() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.stopPings();
    if (this.socket) this.socket.close(1000, 'bye');
    this.socket = null;
  }
}
