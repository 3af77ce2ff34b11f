// Script tests of world events: scheduled ones start and end by the calendar, live-ops starts and stops
// them, every connected player hears them, rooms change while they last, and players who were away find
// them in their inbox.
import { BAR, CANAL, advanceTo } from './world-helpers.js';

export default (t) => {
  t.test('staff start a live event: everyone online hears it, the stage closes, and it ends on time', (w) => {
    const ann = w.join('Ann');
    const bob = w.join('Bob');
    w.setRole(ann.id, 'gm');
    w.expect(ann.say('event start storm')).toContain('Started storm.');
    for (const p of [ann, bob]) {
      w.expect(p.last('broadcast').payload).toEqual({ id: 'storm', kind: 'live',
        text: 'A storm rolls in off the river: the outdoor stage on Canal Walk is closed.' });
    }
    w.expect(w.entity(CANAL).props.stageClosed).toBe(true);
    w.expect(ann.say('event start storm')).toContain('under way already');
    w.advance('7h');                                      // six hours long, ended at the next full hour
    w.expect(bob.last('broadcast').text).toBe('The storm has passed; the outdoor stage on Canal Walk is open again.');
    w.expect(w.entity(CANAL).props.stageClosed).toBeUndefined();
  });

  t.test('only staff run events, and a stopped event is announced', (w) => {
    const ann = w.join('Ann');
    ann.say('event start storm');
    w.expect(ann.last('error').payload.code).toBe('forbidden');
    w.expect(w.entity(CANAL).props.stageClosed).toBeUndefined();
    w.setRole(ann.id, 'gm');
    w.expect(ann.say('event start hailstorm')).toContain('Usage: event start|stop <id>');
    ann.say('event start storm 2h');
    w.expect(ann.say('event stop storm')).toContain('Stopped storm.');
    w.expect(ann.last('broadcast').payload.id).toBe('storm');
    w.expect(ann.say('event stop storm')).toContain('is not under way');
  });

  t.test('open mic night starts on Friday at eight by the calendar, and ends four hours later', (w) => {
    const ann = w.join('Ann');                            // Thursday 1 January 2026
    const mic = () => ann.events('broadcast').filter((e) => e.payload.id === 'open-mic-night');
    advanceTo(w, 19);
    w.advance('1d');                                      // Friday 19:00
    w.expect(mic()).toHaveLength(0);
    w.advance('1h');
    w.expect(mic()).toHaveLength(1);
    w.expect(mic()[0].payload.kind).toBe('scheduled');
    w.expect(w.entity(BAR).props.openMicNight).toBe(true);
    w.advance('4h');
    w.expect(mic()).toHaveLength(2);
    w.expect(mic()[1].text).toContain('is over');
    w.expect(w.entity(BAR).props.openMicNight).toBeUndefined();
    w.advance('1d');                                      // not on Saturday
    w.expect(mic()).toHaveLength(2);
  });

  t.test('a player who was away finds the event in their inbox', (w) => {
    const ann = w.join('Ann');
    const bob = w.join('Bob');
    bob.leave();
    w.setRole(ann.id, 'gm');
    ann.say('event start storm');
    const back = w.join('Bob');
    w.advance('1m');
    w.expect(back.last('inbox').payload.notices.map((n) => n.text)).toContain('A storm rolls in off the river: the outdoor stage on Canal Walk is closed.');
    // Ann heard it live: it is not in her inbox at her next login.
    ann.leave();
    const annBack = w.join('Ann');
    w.advance('1m');
    w.expect((w.entity(annBack.id).props.inbox ?? []).map((n) => n.text)).not.toContain('A storm rolls in off the river: the outdoor stage on Canal Walk is closed.');
  });
};
