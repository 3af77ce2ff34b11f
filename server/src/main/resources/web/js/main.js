// The browser client's wiring: the screens (log in, choose a character, play), the connection and the
// panels. Everything comes from the public protocol (docs/protocol.md); panels change only when an
// event arrives, never by polling.
import * as api from './api.js';
import { Connection } from './connection.js';
import { GameConsole } from './console.js';
import { el } from './dom.js';
import { ClockPanel } from './panels/clock.js';
import { ListPanels } from './panels/lists.js';
import { RoomPanel } from './panels/room.js';
import { SheetPanel } from './panels/sheet.js';

const $ = (id) => document.getElementById(id);
const SESSION_KEY = 'backline.session';
// Sent quietly after entering the world so the panels fill at once; their answers are not printed.
const QUIET_AT_START = ['help', 'inventory', 'effects', 'charts'];
// After one of these (by the word typed), the inventory panel asks for the new contents.
const CHANGES_ITEMS = /^(get|take|drop|give|equip|wear|wield|hold|remove|unequip|use|buy|sell|eat|drink)\b/i;

const ui = {
  console: new GameConsole({ log: $('log'), form: $('command-form'), input: $('command'), onCommand: (t) => send(t) }),
  room: new RoomPanel(document, (dir) => send(`go ${dir}`)),
  sheet: new SheetPanel($('sheet')),
};
ui.clock = new ClockPanel($('clock'), $('clock-line'), document.body, () => ui.lists.tick());
ui.lists = new ListPanels(document, ui.clock);

let connection = null;
const quiet = new Set();          // ids of commands whose answers feed panels only
const pending = new Map();        // id -> text of the player's own commands, until answered
let effectsRefresh = null;

function show(screen) {
  for (const id of ['auth-screen', 'character-screen', 'game-screen']) $(id).hidden = id !== screen;
  $('logout').hidden = screen === 'auth-screen';
}

function setStatus(text) {
  $('status').textContent = text;
}

function saved() {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY));
  } catch {
    return null;
  }
}

function save(session) {
  if (session) sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(SESSION_KEY);
}

// --- the command line ------------------------------------------------------------------------

function send(text, { silent = false } = {}) {
  if (!connection || !connection.connected()) {
    if (!silent) ui.console.print('Not connected yet: the command was not sent.', 'error');
    return null;
  }
  const id = connection.command(text, silent ? 'q' : 'c');
  if (silent) {
    quiet.add(id);
    if (quiet.size > 200) quiet.delete(quiet.values().next().value);
  } else {
    pending.set(id, text);
    if (pending.size > 200) pending.delete(pending.keys().next().value);   // answers that never came
    ui.console.print(`> ${text}`, 'echo');
  }
  return id;
}

function quietly(text) {
  send(text, { silent: true });
}

// --- events ----------------------------------------------------------------------------------

function onEvent(frame) {
  const own = frame.id !== undefined && pending.has(frame.id);
  const silent = frame.id !== undefined && quiet.has(frame.id);
  const payload = frame.payload ?? {};
  switch (frame.type) {
    case 'welcome':
      ui.console.print(`Welcome, ${payload.player?.name ?? 'player'}.`, 'system');
      setStatus(`Connected as ${payload.player?.name ?? 'player'}`);
      QUIET_AT_START.forEach(quietly);
      return;
    case 'room':
      ui.room.update(payload);
      break;
    case 'stat_update':
      ui.sheet.update(payload);
      // Effects start and end with the things that change stats: ask again, at most every 2 s.
      clearTimeout(effectsRefresh);
      effectsRefresh = setTimeout(() => quietly('effects'), 2000);
      return;
    case 'message':
      readMessagePayload(payload);
      // Someone arriving or leaving is told as plain text; a quiet `look` brings "who is here" up to date.
      if (frame.id === undefined && frame.payload === undefined) refreshRoomSoon();
      break;
    case 'clock':
      ui.clock.update(payload);
      break;
    case 'quests':
      ui.lists.quests(payload);
      break;
    case 'inbox':
      ui.lists.inbox(payload);
      break;
    case 'charts':
      ui.lists.charts(payload);
      break;
    case 'error':
      if (!silent) ui.console.print(`Error ${frame.code}: ${frame.message ?? ''}`, 'error');
      break;
    default:
      break;
  }
  if (own) {
    const text = pending.get(frame.id);
    pending.delete(frame.id);
    if (frame.type !== 'error' && CHANGES_ITEMS.test(text)) quietly('inventory');
  }
  if (silent || frame.type === 'error') return;
  const text = frame.type === 'room' ? unwrap(frame.text, payload.description) : frame.text;
  ui.console.print(text, frame.type === 'message' && payload.channel ? `message ${payload.channel}` : frame.type);
  if (frame.type === 'dialogue') showChoices(payload.choices ?? []);
}

/** World data wraps long descriptions by hand; the console wraps them to its own width instead. */
function unwrap(text, description) {
  if (typeof text !== 'string' || typeof description !== 'string' || !text.includes(description)) return text;
  const flowing = description.replace(/([^\n])\n(?=[^\n])/g, '$1 ');
  return text.replace(description, () => flowing);
}

let roomRefresh = null;
function refreshRoomSoon() {
  clearTimeout(roomRefresh);
  roomRefresh = setTimeout(() => quietly('look'), 500);
}

function readMessagePayload(payload) {
  if (Array.isArray(payload.commands)) ui.console.learnCommands(payload.commands);
  if (payload.sheet) {
    ui.sheet.update(payload.sheet);
    ui.sheet.setBusy(payload.busy);
  }
  if (payload.skills && typeof payload.skills === 'object' && !Array.isArray(payload.skills)) ui.sheet.skills(payload.skills);
  if (Array.isArray(payload.effects)) ui.lists.effects(payload.effects);
  if (Array.isArray(payload.items)) ui.lists.inventory(payload.items);
}

/** A dialogue's numbered choices, as buttons that send the number. */
function showChoices(choices) {
  if (choices.length === 0) return;
  const list = el('div', { class: 'line choices', role: 'group', 'aria-label': 'Answers' },
    choices.map((c) => el('button', { type: 'button', onclick: () => send(String(c.n)) }, `${c.n}. ${c.text}`)));
  $('log').append(list);
}

function onStatus(state, detail) {
  if (state === 'connecting') setStatus('Connecting…');
  if (state === 'connected' && detail === true) ui.console.print('Reconnected.', 'system');
  if (state === 'lost') {
    const seconds = Math.max(1, Math.round(detail.delay / 1000));
    const text = `Connection lost; reconnecting in ${seconds} s (attempt ${detail.attempt}).`;
    setStatus(text);
    ui.console.print(text, 'system');
  }
  if (state === 'reconnecting') setStatus(`Reconnecting (attempt ${detail})…`);
}

function onFinal(code, message) {
  if (code === 'unauthorized') {
    save(null);
    showAuth('Your session has ended. Please log in again.');
    return;
  }
  setStatus('Disconnected');
  ui.console.print(`Disconnected (${code})${message ? `: ${message}` : ''}.`, 'error');
  $('log').append(el('div', { class: 'line' }, el('button', { type: 'button', onclick: () => connection.open() }, 'Connect again')));
}

// --- screens ---------------------------------------------------------------------------------

function showAuth(error = '') {
  connection?.close();
  connection = null;
  $('auth-error').textContent = error;
  setStatus('Not connected');
  show('auth-screen');
  $('auth-name').focus();
}

async function play(session) {
  save(session);
  show('game-screen');
  $('command').focus();
  api.gameTime().then((t) => t && ui.clock.seed(t));
  connection = new Connection({ token: session.token, character: session.character, handlers: { onEvent, onStatus, onFinal } });
  connection.open();
}

async function chooseCharacter(session, list) {
  $('character-error').textContent = '';
  $('character-list').replaceChildren(...list.map((c) => el('li', {},
    el('button', { type: 'button', onclick: () => play({ ...session, character: c.id }) }, `Play ${c.name ?? c.id}`))));
  show('character-screen');
  (list.length > 0 ? $('character-list').querySelector('button') : $('character-name')).focus();
  $('character-form').onsubmit = async (e) => {
    e.preventDefault();
    try {
      const created = await api.createCharacter(session.token, $('character-name').value.trim());
      play({ ...session, character: created.id });
    } catch (err) {
      $('character-error').textContent = err.message;
    }
  };
}

/**
 * A new account plays its first character at once. At a log-in, a server with several characters per
 * account (it lists them at login or under /api/characters) lets the player choose or create one; a server
 * without that API (404) has one character per account, which the auth frame picks by itself.
 */
async function afterLogin(name, grant, registered) {
  const session = { name, token: grant.token, expiresAt: grant.expiresAt };
  if (registered) {
    play(session);
    return;
  }
  const list = Array.isArray(grant.characters) ? grant.characters : await api.characters(grant.token);
  if (list === null) play(session);
  else chooseCharacter(session, list);
}

$('auth-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const name = $('auth-name').value.trim();
  const password = $('auth-password').value;
  const registering = e.submitter?.value === 'register';
  const error = $('auth-error');
  error.textContent = '';
  if (name === '' || password === '') {
    error.textContent = 'Enter a name and a password.';
    return;
  }
  const buttons = e.target.querySelectorAll('button');
  buttons.forEach((b) => { b.disabled = true; });
  try {
    if (registering) await api.register(name, password);
    await afterLogin(name, await api.login(name, password), registering);
    $('auth-password').value = '';
  } catch (err) {
    error.textContent = err.message;
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
});

$('logout').addEventListener('click', () => {
  const session = saved();
  if (session?.token) api.logout(session.token);
  save(null);
  showAuth();
});

const resumed = saved();
if (resumed?.token) play(resumed);
else showAuth();
