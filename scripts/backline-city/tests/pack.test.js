// Script tests of the pack as a whole: it reloads cleanly, and a normal session raises no script errors.
export default (t) => {
  t.test('a busy session reports no script errors', (w) => {
    const ann = w.join('Ann');
    const bob = w.join('Bob');
    for (const command of ['look', 'who', 'help', 'say hi', 'n', 's', 'e', 'w', 'look bob', 'go out', 'help go']) {
      ann.send(command);
      bob.send(command);
    }
    w.advance('1d');
    w.expect(w.faults()).toEqual([]);
  });

  t.test('the pack reloads cleanly and players stay connected', (w) => {
    const ann = w.join('Ann');
    const report = w.reload();
    w.expect(report.errors).toEqual([]);
    w.expect(report.ok).toBe(true);
    w.expect(report.generation).toBe(2);
    w.expect(ann.say('look')).toMatch(/^Station Plaza/);
  });
};
