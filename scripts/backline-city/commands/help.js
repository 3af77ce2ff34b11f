// Help is built from the registrations, so it can never disagree with what the commands are.
export const help = {
  name: 'help',
  aliases: ['?', 'commands'],
  help: 'List the commands, or explain one.',
  usage: 'help [command]',
  run(ctx) {
    const commands = game.commands();
    if (ctx.args !== '') {
      const word = ctx.argv[0].toLowerCase();
      const command = commands.find((c) => c.name === word || c.aliases.includes(word));
      if (!command) {
        ctx.reply(`There is no command '${word}'. Type "help" for the list.`);
        return;
      }
      const aliases = command.aliases.length > 0 ? `\nAlso: ${command.aliases.join(', ')}` : '';
      ctx.reply(`${command.usage}\n${command.help}${aliases}`, { command });
      return;
    }
    const width = Math.max(...commands.map((c) => c.name.length));
    const lines = commands.map((c) => {
      const aliases = c.aliases.length > 0 ? ` (${c.aliases.join(', ')})` : '';
      return `  ${c.name.padEnd(width)}  ${c.help}${aliases}`;
    });
    ctx.reply(`Commands:\n${lines.join('\n')}\nType "help <command>" for more.`, { commands });
  },
};
