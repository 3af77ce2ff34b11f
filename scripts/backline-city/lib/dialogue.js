// Dialogue trees (data/dialogue.json). `talk <npc>` opens the NPC's tree at `start`; the player answers
// with the number of a choice (`1`, `2`, … or `choose <n>`). Where a player is in a talk is kept on them
// (`talking`: {npc, node}). A choice can offer a quest, which the player gets on choosing it.
import { DIALOGUE } from './living-data.js';
import { giveQuest, hasQuest, questDone, questEvent } from './quests.js';
import { happened } from './triggers.js';
import { today } from './calendar.js';

function visible(player, choice) {
  if (choice.quest !== undefined && hasQuest(player, choice.quest)) return false;
  const r = choice.requires;
  if (r?.night !== undefined && r.night !== today().night) return false;
  if (r?.quest !== undefined && (!hasQuest(player, r.quest) || (r.done !== undefined && questDone(player, r.quest) !== r.done))) return false;
  return true;
}

/** The choices a player sees at a node, numbered from 1. */
function choicesAt(player, node) {
  return node.choices.filter((c) => visible(player, c)).map((c, i) => ({ n: i + 1, text: c.text, choice: c }));
}

function show(player, npc, text, choices) {
  const lines = [text, ...choices.map((c) => `  ${c.n}. ${c.text}`)];
  if (choices.length > 0) lines.push('(Answer with the number.)');
  game.send(player, 'dialogue', lines.join('\n'), {
    npc: { id: npc.id, name: npc.props.name }, text, choices: choices.map(({ n, text: t }) => ({ n, text: t })),
  });
}

/** Opens a talk with an NPC (an entity of kind npc in the player's room). Returns false if it has nothing to say. */
export function startTalk(player, npc) {
  const tree = DIALOGUE[npc.props.dialogue];
  if (!tree) return false;
  game.setProp(player, 'talking', { npc: npc.id, node: 'start' });
  show(player, npc, tree.start.text, choicesAt(player, tree.start));
  questEvent(player, happened.talk(npc.props.npc));
  return true;
}

/**
 * Answers the open talk with choice `n`. Returns a refusal {refused, text} if it cannot be answered, else null.
 */
export function choose(player, n) {
  const talking = game.prop(player, 'talking');
  if (!talking) return { refused: 'not_talking', text: 'You are not talking to anyone. Try "talk <name>".' };
  const npc = game.entity(talking.npc);
  const me = game.entity(player);
  if (!npc || npc.container !== me.container) {
    game.setProp(player, 'talking', null);
    return { refused: 'gone', text: 'Whoever you were talking to is not here any more.' };
  }
  const tree = DIALOGUE[npc.props.dialogue];
  const node = tree?.[talking.node];
  const pick = node ? choicesAt(player, node).find((c) => c.n === n) : null;
  if (!pick) return { refused: 'no_such_choice', text: `There is no choice ${n}. Pick one of the numbers shown.` };
  const c = pick.choice;
  if (c.quest !== undefined) giveQuest(player, c.quest);
  if (c.end !== undefined) {
    game.setProp(player, 'talking', null);
    show(player, npc, c.end, []);
  } else {
    game.setProp(player, 'talking', { npc: npc.id, node: c.goto });
    show(player, npc, tree[c.goto].text, choicesAt(player, tree[c.goto]));
  }
  return null;
}
