// Players arriving in and leaving the world.
import { showRoom } from './rooms.js';

export function onPlayerEnter(event) {
  if (event.room) {
    const verb = event.reason === 'reconnect' ? 'is back' : 'appears';
    game.toRoom(event.room, `${event.name} ${verb}.`, { except: event.player });
  }
  showRoom(event.player);
}

export function onPlayerLeave(event) {
  if (event.room) {
    game.toRoom(event.room, `${event.name} leaves the game.`, { except: event.player });
  }
}
