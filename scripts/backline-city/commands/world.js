// The living world's commands: the calendar, quests, talking to NPCs, the daily loop, the inbox, and the
// game-master command that starts and stops world events.
import { calendarText, clockPayload, today } from '../lib/calendar.js';
import { questsPayload } from '../lib/quests.js';
import { findNpc } from '../lib/npcs.js';
import { choose as answer, startTalk } from '../lib/dialogue.js';
import { dailyView } from '../lib/daily.js';
import { inboxPayload, markRead } from '../lib/inbox.js';
import { activeEvents, startEvent, stopEvent } from '../lib/world-events.js';
import { BROADCASTS } from '../lib/living-data.js';
import { clockTime } from '../lib/time.js';

// Who may start and stop world events: the roles the server gives staff accounts (game.role).
const STAFF_ROLES = ['gm', 'admin'];

export const time = {
  name: 'time',
  aliases: ['date', 'calendar'],
  help: 'Show the game time: hour, weekday, day, season, and whether it is night.',
  whileBusy: true,
  readOnly: true,
  run(ctx) {
    const cal = today();
    game.send(ctx.player, 'clock', calendarText(cal), clockPayload(cal));
  },
};

export const quests = {
  name: 'quests',
  aliases: ['quest', 'journal'],
  help: 'List your quests and what to do next in each.',
  whileBusy: true,
  readOnly: true,
  run(ctx) {
    const payload = questsPayload(ctx.player);
    const lines = payload.quests.length === 0 ? ['You have no quests. Talk to people around town.']
      : payload.quests.map((q) => (q.done ? `[done] ${q.title}`
        : `${q.title} (step ${q.step} of ${q.steps}): ${q.stepText}`));
    game.send(ctx.player, 'quests', lines.join('\n'), payload);
  },
};

export const talk = {
  name: 'talk',
  aliases: ['ask'],
  usage: 'talk <name>',
  help: 'Talk to someone here; answer with the number of a choice.',
  readOnly: true,
  run(ctx) {
    const me = game.entity(ctx.player);
    const npc = me.container ? findNpc(me.container, ctx.args) : null;
    if (!npc) {
      ctx.reply(ctx.args ? `There is no "${ctx.args}" here to talk to.` : 'Talk to whom? Try "talk <name>".', { refused: 'no_npc' });
    } else if (!startTalk(ctx.player, npc)) {
      ctx.reply(`${npc.props.name} has nothing to say to you.`, { refused: 'no_dialogue' });
    }
  },
};

export const choose = {
  name: 'choose',
  aliases: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
  usage: 'choose <number> (or just the number)',
  help: 'Answer in a conversation with the number of a choice.',
  readOnly: true,
  run(ctx) {
    const n = Number(/^\d$/.test(ctx.typed) ? ctx.typed : ctx.argv[0]);
    const refusal = Number.isInteger(n) && n >= 1 ? answer(ctx.player, n)
      : { refused: 'no_such_choice', text: 'Choose what? Answer with the number of a choice.' };
    if (refusal) ctx.reply(refusal.text, { refused: refusal.refused });
  },
};

export const daily = {
  name: 'daily',
  aliases: ['streak', 'challenges'],
  help: 'Your login streak, today\'s challenges, this week\'s milestones and your reward track.',
  whileBusy: true,
  readOnly: true,
  run(ctx) {
    const view = dailyView(ctx.player);
    ctx.reply(view.text, view.payload);
  },
};

export const inbox = {
  name: 'inbox',
  aliases: ['notices', 'mail'],
  help: 'Read your notices (rewards, world events) and mark them read.',
  whileBusy: true,
  readOnly: true,
  run(ctx) {
    const payload = inboxPayload(ctx.player);
    const lines = payload.notices.length === 0 ? ['Your inbox is empty.']
      : [`${payload.unread} unread:`, ...payload.notices.slice().reverse()
        .map((n) => `${n.read ? '  ' : '* '}${clockTime(n.at)} ${n.text}`)];
    game.send(ctx.player, 'inbox', lines.join('\n'), payload);
    markRead(ctx.player);
  },
};

export const event = {
  name: 'event',
  usage: 'event [start|stop <id> [duration]]',
  help: 'Game masters only: list, start or stop world events (data/broadcasts.json).',
  whileBusy: true,
  readOnly: true,
  run(ctx) {
    if (!STAFF_ROLES.includes(game.role(ctx.player))) {
      game.send(ctx.player, 'error', 'Only game masters can run world events.', { code: 'forbidden' });
      return;
    }
    const [action, id, duration] = ctx.argv;
    const running = activeEvents();
    if (!action) {
      ctx.reply(Object.keys(BROADCASTS.events).map((e) => `${e}${running[e] ? ` (under way until ${clockTime(running[e].until)})` : ''}`).join('\n'),
        { events: Object.keys(BROADCASTS.events), active: Object.keys(running) });
    } else if (!(id in BROADCASTS.events) || !['start', 'stop'].includes(action)) {
      ctx.reply(`Usage: event start|stop <id>; events: ${Object.keys(BROADCASTS.events).join(', ')}.`, { refused: 'usage' });
    } else if (action === 'start') {
      ctx.reply(startEvent(id, 'live', duration) ? `Started ${id}.` : `${id} is under way already (or the duration is not one).`);
    } else {
      ctx.reply(stopEvent(id) ? `Stopped ${id}.` : `${id} is not under way.`);
    }
  },
};
