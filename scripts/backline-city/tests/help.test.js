// Script tests of `help`, which is built from what the packs registered.
export default (t) => {
  t.test('help lists every command with its short help', (w) => {
    const ann = w.join('Ann');
    const help = ann.say('help');
    w.expect(help).toMatch(/^Commands:\n/);
    for (const command of ['look', 'go', 'say', 'who', 'help', 'north', 'up', 'in']) {
      w.expect(help).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
    }
    w.expect(help).toContain('Look around, at someone or something here, or in a direction. (l)');
    w.expect(help).toMatch(/Type "help <command>" for more.$/);
    w.expect(ann.say('?'), 'the alias').toBe(help);
  });

  t.test('help <command> explains one, also by an alias', (w) => {
    const ann = w.join('Ann');
    w.expect(ann.say('help look')).toBe('look [target|direction]\nLook around, at someone or something here, or in a direction.\nAlso: l');
    w.expect(ann.say('help n')).toBe('north\nWalk north.\nAlso: n');
    w.expect(ann.last('message').payload.command).toMatchObject({ name: 'north', pack: 'backline-city' });
  });

  t.test('help for a command that does not exist', (w) => {
    const ann = w.join('Ann');
    w.expect(ann.say('help dance')).toBe('There is no command \'dance\'. Type "help" for the list.');
  });

  t.test('an unknown command gets the unknown_command error', (w) => {
    const ann = w.join('Ann');
    const answer = ann.send('dance');
    w.expect(answer).toHaveLength(1);
    w.expect(answer[0]).toMatchObject({ type: 'error', payload: { code: 'unknown_command' } });
  });
};
