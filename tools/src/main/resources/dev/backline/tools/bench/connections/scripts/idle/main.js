// The connections benchmark's pack. It reacts to nothing, so the benchmark measures what a held connection costs
// the server, not what a game does with its players (the reference game greets each arrival in front of everyone
// in the start room: with thousands there, that is what a join would cost). `probe` answers through the world
// thread, which proves a connection is alive and its player in the world.
export function register(pack) {
  pack.command({ name: 'probe', help: 'Answers "ok".', run(ctx) { ctx.reply('ok'); } });
}
