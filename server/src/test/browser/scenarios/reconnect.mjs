// A protocol error is shown readably (code and message), and a dropped connection comes back by
// itself: the console says so, and the game goes on. The WebSocket is routed through playwright so the
// test can cut it like a network failure would.
import { awaitLine, check, command, playerName, registerAndPlay, scenario } from '../lib.mjs';

await scenario('reconnect', async (open) => {
  const page = await open();
  const sockets = [];
  await page.routeWebSocket(/\/play$/, (ws) => {
    ws.connectToServer();
    sockets.push(ws);
  });
  await page.reload();
  await registerAndPlay(page, playerName('Rex'));

  await command(page, 'dance wildly');
  const error = await awaitLine(page, 'Error unknown_command');
  check(error.includes("Unknown command 'dance'"), `the error's code and message, got '${error}'`);

  check(sockets.length === 1, `one socket so far (${sockets.length})`);
  await sockets[0].close({ code: 4000, reason: 'network cut' });
  await awaitLine(page, 'Connection lost; reconnecting in');
  await awaitLine(page, 'Reconnected.');
  check(sockets.length === 2, `a second socket (${sockets.length})`);
  await command(page, 'who');
  await awaitLine(page, 'online');
});
