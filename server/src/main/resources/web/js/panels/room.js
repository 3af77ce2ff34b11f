// The room panel, drawn from the `room` event's payload: {id, name, description, exits:[{dir, to, name}],
// players:[{id, name}], items:[{id, kind, name}]}. Exits are buttons that send `go <dir>`.
import { el, fill } from '../dom.js';

export class RoomPanel {
  constructor(doc, onGo) {
    this.name = doc.getElementById('room-name');
    this.description = doc.getElementById('room-description');
    this.exits = doc.getElementById('room-exits');
    this.players = doc.getElementById('room-players');
    this.items = doc.getElementById('room-items');
    this.onGo = onGo;
  }

  update(room) {
    if (!room) return;
    this.name.classList.remove('empty');
    this.name.textContent = room.name ?? 'Nowhere';
    this.description.textContent = room.description ?? '';
    fill(this.exits, (room.exits ?? []).map((exit) => el('li', {},
      el('button', { type: 'button', class: 'exit', 'data-dir': exit.dir, onclick: () => this.onGo(exit.dir),
        'aria-label': `Go ${exit.dir} to ${exit.name ?? exit.to}` },
      el('strong', {}, exit.dir), ' ', exit.name ?? ''))), 'no way out');
    fill(this.players, (room.players ?? []).map((p) => el('li', { 'data-player': p.id }, p.name)));
    fill(this.items, (room.items ?? []).map((i) => el('li', {}, i.name)));
  }
}
