// Quests (data/quests.json): each player's progress is kept on them (`quests`: {id: {step, stepAt, done}}).
// A step is done when its trigger fires (see triggers.js); the last step pays the reward. `auto` quests
// are given at login, the others by NPCs' dialogue. Every change sends the `quests` event.
import { QUESTS, questById } from './living-data.js';
import { fires, holds, isState } from './triggers.js';
import { character } from './character.js';
import { grant } from './rewards.js';
import { notify } from './inbox.js';
import { ms } from './time.js';
import { note } from './notes.js';

export const QUEST_TIMER = 'questStep';

function progressOf(player) {
  return game.prop(player, 'quests') ?? {};
}

export function hasQuest(player, id) {
  return progressOf(player)[id] !== undefined;
}

export function questDone(player, id) {
  return progressOf(player)[id]?.done === true;
}

/** The `quests` event's payload: every quest the player has, in data order. */
export function questsPayload(player) {
  const mine = progressOf(player);
  return {
    quests: QUESTS.quests.filter((q) => mine[q.id]).map((q) => {
      const p = mine[q.id];
      return { id: q.id, title: q.title, description: q.description, step: p.done ? q.steps.length : p.step + 1,
        steps: q.steps.length, stepText: p.done ? 'Done.' : q.steps[p.step].text, done: p.done === true };
    }),
  };
}

export function sendQuests(player) {
  game.send(player, 'quests', null, questsPayload(player));
}

function beginStep(player, quest, progress) {
  const trigger = quest.steps[progress.step].trigger;
  if (trigger.after !== undefined) {
    game.after(ms(trigger.after), QUEST_TIMER, { player, quest: quest.id, step: progress.step, stepAt: progress.stepAt });
  }
}

/** Gives a quest (once); returns false if the player has it already. */
export function giveQuest(player, id) {
  const quest = questById(id);
  if (!quest || hasQuest(player, id)) return false;
  const progress = { step: 0, stepAt: game.now(), done: false };
  game.setProp(player, 'quests', { ...progressOf(player), [id]: progress });
  note(player, 'quests', `New quest: ${quest.title}. ${quest.description}\nFirst: ${quest.steps[0].text}`, questsPayload(player));
  beginStep(player, quest, progress);
  if (!checkStates(player)) sendQuests(player);
  return true;
}

/** Gives the `auto` quests the player lacks; returns how many (each sent the quest list already). */
export function giveAutoQuests(player) {
  return QUESTS.quests.filter((q) => q.auto).filter((q) => giveQuest(player, q.id)).length;
}

// Completes the current step of a quest: the next one begins, or the quest is done and pays.
function completeStep(player, quest) {
  const all = progressOf(player);
  const progress = { ...all[quest.id], step: all[quest.id].step + 1, stepAt: game.now() };
  if (progress.step >= quest.steps.length) {
    progress.done = true;
    game.setProp(player, 'quests', { ...all, [quest.id]: progress });
    const parts = grant(player, quest.reward, `quest: ${quest.id}`);
    const text = `Quest complete: ${quest.title}!${parts.length > 0 ? ` Reward: ${parts.join(', ')}.` : ''}`;
    note(player, 'quests', text, questsPayload(player));
    notify(player, text);
  } else {
    game.setProp(player, 'quests', { ...all, [quest.id]: progress });
    note(player, 'quests', `Quest: ${quest.title}, step ${progress.step} of ${quest.steps.length} done. Next: ${quest.steps[progress.step].text}`,
      questsPayload(player));
    beginStep(player, quest, progress);
  }
}

function active(player) {
  const mine = progressOf(player);
  return QUESTS.quests.filter((q) => mine[q.id] && !mine[q.id].done).map((q) => ({ quest: q, step: q.steps[mine[q.id].step] }));
}

/** Something happened (triggers.js `happened`): the steps it fires are done. Returns whether any quest moved. */
export function questEvent(player, event) {
  let moved = false;
  for (const { quest, step } of active(player)) {
    if (fires(step.trigger, event)) {
      completeStep(player, quest);
      moved = true;
    }
  }
  if (moved && !checkStates(player)) sendQuests(player);
  return moved;
}

/** Completes every current step whose state trigger (stat, skill, item) holds, again and again while it does. */
export function checkStates(player) {
  let moved = false;
  for (let guard = 0; guard < 50; guard++) {
    const me = character(player);
    const due = active(player).find(({ step }) => isState(step.trigger) && holds(step.trigger, me));
    if (!due) break;
    completeStep(player, due.quest);
    moved = true;
  }
  if (moved) sendQuests(player);
  return moved;
}

/** The timer of an `after` step: done if the player is still on that step of the quest. */
export function onQuestTimer(data) {
  const quest = questById(data.quest);
  const progress = progressOf(data.player)[data.quest];
  if (!quest || !progress || progress.done || progress.step !== data.step || progress.stepAt !== data.stepAt) return;
  completeStep(data.player, quest);
  checkStates(data.player);
  sendQuests(data.player);
}
