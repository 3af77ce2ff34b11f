// Items: get, drop, give, inventory, equip, remove and use (rules in lib/items.js, slots and limits in
// data/items.json, templates in world-data/items/).
import { ITEMS } from '../lib/data.js';
import { changeVitals } from '../lib/character.js';
import { addEffect, endEffect, hasEffect } from '../lib/effects.js';
import { describeChanges } from '../lib/lifestyle.js';
import { canCarryMore, carried, conditionText, findItem, holdsUnique, modifiersText, onFloor, slotOf }
  from '../lib/items.js';
import { roomOf } from '../lib/rooms.js';
import { capitalize, listing, nameOf } from '../lib/text.js';

function me(ctx) {
  return nameOf(game.entity(ctx.player));
}

function toRoom(ctx, text, except = []) {
  const room = roomOf(ctx.player);
  if (room) game.toRoom(room.id, text, { except: [ctx.player, ...except] });
}

/** The carried item the player names, or null after telling them what went wrong. */
function carriedItem(ctx, typed, verb) {
  if (typed === '') {
    ctx.reply(`${capitalize(verb)} what?`);
    return null;
  }
  const item = findItem(carried(ctx.player), typed);
  if (item) return item;
  const room = roomOf(ctx.player);
  const there = room ? findItem(onFloor(room.id), typed) : null;
  ctx.reply(there ? `You don't have ${there.name}: pick it up first.` : `You don't have '${typed}'.`,
    { refused: there ? 'not_carried' : 'unknown_item' });
  return null;
}

function unequip(item) {
  game.setProp(item.id, 'equipped', null);
}

function pickUp(ctx, item) {
  if (item.entity.props.owner && item.entity.props.owner !== ctx.player) {
    const owner = game.entity(item.entity.props.owner);
    return { refused: 'not_yours', text: `${capitalize(item.name)} belongs to ${nameOf(owner)}: you leave it where it is.` };
  }
  if (holdsUnique(ctx.player, item)) {
    return { refused: 'unique', text: `You already have one of those, and there is only room in your life for one ${item.name.replace(/^(a|an) /, '')}.` };
  }
  if (!canCarryMore(ctx.player)) {
    return { refused: 'full', text: `You cannot carry more than ${ITEMS.carryLimit} things.` };
  }
  game.move(item.id, ctx.player);
  game.setProp(item.id, 'owner', ctx.player);
  return null;
}

export const get = {
  name: 'get',
  aliases: ['take', 'pick'],
  help: 'Pick up something here, or everything with "get all".',
  usage: 'get <item>|all',
  run(ctx) {
    const room = roomOf(ctx.player);
    const typed = ctx.args.replace(/^up\s+/i, '');
    if (typed === '') {
      ctx.reply('Get what?');
      return;
    }
    const floor = room ? onFloor(room.id) : [];
    if (typed.toLowerCase() === 'all') {
      const taken = [];
      const refused = [];
      for (const item of floor) {
        const why = pickUp(ctx, item);
        (why ? refused : taken).push(why ? why.text : item.name);
      }
      if (taken.length === 0) {
        ctx.reply(refused.length > 0 ? refused.join('\n') : 'There is nothing here to pick up.');
        return;
      }
      ctx.reply([`You pick up ${listing(taken)}.`, ...refused].join('\n'), { taken });
      toRoom(ctx, `${me(ctx)} picks up ${listing(taken)}.`);
      return;
    }
    const item = findItem(floor, typed);
    if (!item) {
      const mine = findItem(carried(ctx.player), typed);
      ctx.reply(mine ? `You already have ${mine.name}.` : `You don't see '${typed}' here.`,
        { refused: mine ? 'already_carried' : 'unknown_item' });
      return;
    }
    const why = pickUp(ctx, item);
    if (why) {
      ctx.reply(why.text, { refused: why.refused, item: item.id });
      return;
    }
    ctx.reply(`You pick up ${item.name}.`, { item: item.id, name: item.name });
    toRoom(ctx, `${me(ctx)} picks up ${item.name}.`);
  },
};

export const drop = {
  name: 'drop',
  help: 'Put down something you carry; it stays yours.',
  usage: 'drop <item>',
  run(ctx) {
    const item = carriedItem(ctx, ctx.args, 'drop');
    if (!item) return;
    const room = roomOf(ctx.player);
    if (!room) {
      ctx.reply('There is nowhere to put it.');
      return;
    }
    const wasEquipped = Boolean(item.entity.props.equipped);
    if (wasEquipped) unequip(item);
    game.move(item.id, room.id);
    ctx.reply(`You ${wasEquipped ? 'take off and ' : ''}drop ${item.name}.`, { item: item.id, name: item.name });
    toRoom(ctx, `${me(ctx)} drops ${item.name}.`);
  },
};

export const give = {
  name: 'give',
  help: 'Give something you carry to a player here; it becomes theirs.',
  usage: 'give <item> [to] <player>',
  run(ctx) {
    const words = ctx.argv;
    if (words.length < 2) {
      ctx.reply('Give what to whom? "give <item> <player>", e.g. "give sandwich Bob".');
      return;
    }
    const targetWord = words[words.length - 1].toLowerCase();
    const itemWords = words.slice(0, -1).join(' ').replace(/\s+to$/i, '');
    const item = carriedItem(ctx, itemWords, 'give');
    if (!item) return;
    const room = roomOf(ctx.player);
    const target = (room ? game.playersIn(room.id) : [])
      .find((p) => nameOf(p).toLowerCase() === targetWord || nameOf(p).toLowerCase().startsWith(targetWord));
    if (!target) {
      const thing = room ? game.contents(room.id).find((e) => e.kind !== 'player' && nameOf(e).toLowerCase().includes(targetWord)) : null;
      ctx.reply(thing ? `You can only give things to players, and ${nameOf(thing)} is not one.` : `There is no '${words[words.length - 1]}' here to give it to.`,
        { refused: 'wrong_target' });
      return;
    }
    if (target.id === ctx.player) {
      ctx.reply(`You already have ${item.name}.`, { refused: 'wrong_target' });
      return;
    }
    if (holdsUnique(target.id, item)) {
      ctx.reply(`${nameOf(target)} already has one of those.`, { refused: 'unique' });
      return;
    }
    if (!canCarryMore(target.id)) {
      ctx.reply(`${nameOf(target)} cannot carry any more.`, { refused: 'full' });
      return;
    }
    // A hand-over between players is a trade: it must not be confirmed and then lost in a crash.
    game.durable();
    if (item.entity.props.equipped) unequip(item);
    game.move(item.id, target.id);
    game.setProp(item.id, 'owner', target.id);
    ctx.reply(`You give ${item.name} to ${nameOf(target)}.`, { item: item.id, to: target.id });
    game.tell(target.id, `${me(ctx)} gives you ${item.name}.`, { item: item.id, from: ctx.player });
    toRoom(ctx, `${me(ctx)} gives ${item.name} to ${nameOf(target)}.`, [target.id]);
  },
};

export const inventory = {
  name: 'inventory',
  aliases: ['i', 'inv'],
  help: 'List what you carry and what you have equipped.',
  whileBusy: true,
  readOnly: true,
  run(ctx) {
    const items = carried(ctx.player);
    if (items.length === 0) {
      ctx.reply('You are carrying nothing.', { items: [] });
      return;
    }
    const lines = items.map((i) => {
      const notes = [];
      const slot = i.entity.props.equipped;
      if (slot) notes.push(ITEMS.slots[slot]?.name ?? slot);
      if (slotOf(i) || i.props.skill) notes.push(conditionText(i.props));
      if (i.props.unique) notes.push('one of a kind');
      if (i.props.use && (i.props.usesLeft ?? i.props.use.uses ?? 1) > 1) notes.push(`${i.props.usesLeft ?? i.props.use.uses} uses left`);
      return `  ${i.name}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
    });
    ctx.reply(`You are carrying:\n${lines.join('\n')}\nYou can carry ${ITEMS.carryLimit - items.length} more.`, {
      items: items.map((i) => ({ id: i.id, name: i.name, template: i.entity.template, equipped: i.entity.props.equipped ?? null,
        condition: i.props.condition ?? null })),
    });
  },
};

export const equip = {
  name: 'equip',
  aliases: ['wear', 'wield', 'hold'],
  help: 'Equip an instrument, amp or piece of gear you carry; it changes your stats and skills.',
  usage: 'equip <item>',
  run(ctx) {
    const item = carriedItem(ctx, ctx.args, 'equip');
    if (!item) return;
    const slot = slotOf(item);
    if (!slot) {
      ctx.reply(`You can't equip ${item.name}.${item.props.use ? ` Try "use ${ctx.args}".` : ''}`, { refused: 'not_equippable' });
      return;
    }
    if (item.entity.props.equipped) {
      ctx.reply(`You already have ${item.name} equipped.`, { refused: 'already_equipped' });
      return;
    }
    const replaced = carried(ctx.player).find((c) => c.entity.props.equipped === slot);
    if (replaced) unequip(replaced);
    game.setProp(item.id, 'equipped', slot);
    const s = ITEMS.slots[slot];
    const effect = modifiersText(item.props);
    ctx.reply(`${replaced ? `You put away ${replaced.name}. ` : ''}${s.you} ${item.name}${effect ? ` (${effect})` : ''}.`,
      { item: item.id, slot, replaced: replaced ? replaced.id : null });
    toRoom(ctx, `${me(ctx)} ${s.verb} ${item.name}.`);
  },
};

export const remove = {
  name: 'remove',
  aliases: ['unequip', 'unwield'],
  help: 'Take off or put away something you have equipped.',
  usage: 'remove <item>',
  run(ctx) {
    const item = carriedItem(ctx, ctx.args, 'remove');
    if (!item) return;
    if (!item.entity.props.equipped) {
      ctx.reply(`You don't have ${item.name} equipped.`, { refused: 'not_equipped' });
      return;
    }
    unequip(item);
    ctx.reply(`You put away ${item.name}.`, { item: item.id });
    toRoom(ctx, `${me(ctx)} puts away ${item.name}.`);
  },
};

function repair(ctx, spec) {
  const target = carried(ctx.player).find((c) => c.props.skill === spec.skill && (c.props.condition ?? 100) < 100);
  if (!target) return null;
  const condition = Math.min(100, (target.props.condition ?? 100) + spec.condition);
  game.setProp(target.id, 'condition', condition);
  return `${capitalize(target.name)} is now in ${condition < ITEMS.poorCondition ? 'poor' : 'good'} shape (${condition}%).`;
}

export const use = {
  name: 'use',
  aliases: ['consume', 'apply'],
  help: 'Use something you carry: eat it, drink it, take it, fit it.',
  usage: 'use <item>',
  run(ctx) {
    const item = carriedItem(ctx, ctx.args, 'use');
    if (!item) return;
    const spec = item.props.use;
    if (!spec) {
      ctx.reply(slotOf(item) ? `To use ${item.name}, equip it ("equip ${ctx.args}")${item.props.skill ? ` and practise ${item.props.skill}` : ''}.`
        : `You can't use ${item.name}.`, { refused: 'not_usable' });
      return;
    }
    const cures = (spec.cures ?? []).filter((e) => hasEffect(ctx.player, e));
    let repaired = null;
    if (spec.repairs) {
      repaired = repair(ctx, spec.repairs);
      if (!repaired) {
        ctx.reply(`You have nothing that needs ${item.name}.`, { refused: 'nothing_to_repair' });
        return;
      }
    }
    const applied = changeVitals(ctx.player, spec.change ?? {});
    const left = (item.props.usesLeft ?? spec.uses ?? 1) - 1;
    if (left > 0) {
      game.setProp(item.id, 'usesLeft', left);
    } else {
      game.remove(item.id);
    }
    const changes = describeChanges(applied);
    ctx.reply([`${spec.text ?? `You use ${item.name}.`}${changes ? ` (${changes})` : ''}`, repaired].filter(Boolean).join(' '),
      { item: item.id, used: true, left, ...applied });
    cures.forEach((e) => endEffect(ctx.player, e));
    if (spec.effect) addEffect(ctx.player, spec.effect);
    toRoom(ctx, `${me(ctx)} uses ${item.name}.`);
  },
};
