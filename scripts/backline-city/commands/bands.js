// band, write song, songs and release (rules in lib/bands.js and lib/songs.js, numbers in data/bands.json).
import { BANDS } from '../lib/career-data.js';
import { badName, bandOf, bandPayload, createBand, invite, join, leave, liveInvites, slug, tellBand } from '../lib/bands.js';
import { changeVitals, character, addXp } from '../lib/character.js';
import { createSong, findSong, release, songsOf, writingQuality } from '../lib/songs.js';
import { transfer } from '../lib/ledger.js';
import { listing, nameOf } from '../lib/text.js';
import { gigsText } from '../lib/gigs.js';

/** Answers a refusal (with its code in the payload, for clients) and ends the command. */
function refuse(ctx, text, code) {
  ctx.reply(text, { refused: code });
}

function onlineByName(name) {
  const n = name.toLowerCase();
  return game.online().find((p) => p.name.toLowerCase() === n) ?? null;
}

function show(ctx, band) {
  const p = bandPayload(band);
  const songs = songsOf(band.id);
  const lines = [`${p.name}: ${listing(p.members.map((m, i) => (i === 0 ? `${m.name} (leader)` : m.name)))}.`,
    `Fame ${p.fame}, cash $${p.cash}, ${songs.length} ${songs.length === 1 ? 'song' : 'songs'} `
      + `(${songs.filter((s) => s.props.released).length} released).`];
  const gigs = gigsText(band);
  if (gigs) lines.push(gigs);
  game.send(ctx.player, 'band', lines.join('\n'), p);
}

const sub = {
  create(ctx, rest) {
    if (bandOf(ctx.player)) return refuse(ctx, 'You are in a band already: "band leave" first.', 'in_band');
    const error = badName(rest);
    if (error) { ctx.reply(error, { refused: 'name' }); return; }
    if (game.entity(`band:${slug(rest)}`)) return refuse(ctx, `There is a band called ${rest} already.`, 'taken');
    const id = createBand(ctx.player, rest);
    tellBand(id, `You found ${rest}. Invite others with "band invite <player>".`);
  },
  invite(ctx, rest) {
    const band = bandOf(ctx.player);
    if (!band) { ctx.reply('You are not in a band. "band create <name>" starts one.', { refused: 'no_band' }); return; }
    if (band.props.members[0] !== ctx.player) return refuse(ctx, 'Only the band\'s leader can invite.', 'not_leader');
    const target = onlineByName(rest);
    if (!target) { ctx.reply(`Nobody called "${rest}" is online.`, { refused: 'no_player' }); return; }
    if (target.id === ctx.player || band.props.members.includes(target.id))
      return refuse(ctx, `${target.name} is in the band already.`, 'member');
    if (band.props.members.length + Object.keys(liveInvites(band)).length >= BANDS.band.maxMembers) {
      ctx.reply(`A band has at most ${BANDS.band.maxMembers} members, invitations included.`, { refused: 'full' });
      return;
    }
    invite(band, target.id);
    game.setProp(target.id, 'bandInvites', [...(game.prop(target.id, 'bandInvites') ?? []).filter((b) => b !== band.id), band.id]);
    ctx.reply(`You invite ${target.name} to join ${band.props.name}.`, { invited: target.id });
    game.tell(target.id, `${nameOf(game.entity(ctx.player))} invites you to join ${band.props.name}: type "band join".`,
      { invite: band.id });
  },
  join(ctx, rest) {
    if (bandOf(ctx.player)) return refuse(ctx, 'You are in a band already: "band leave" first.', 'in_band');
    const inviting = (game.prop(ctx.player, 'bandInvites') ?? []);
    const candidates = rest ? [game.entity(`band:${slug(rest)}`)].filter(Boolean) : inviting.map((id) => game.entity(id)).filter(Boolean);
    const band = candidates.find((b) => ctx.player in liveInvites(b));
    if (!band)
      return refuse(ctx, rest ? `${rest} has not invited you (or the invitation ran out).` : 'Nobody has invited you to a band.', 'no_invite');
    if (band.props.members.length >= BANDS.band.maxMembers) return refuse(ctx, `${band.props.name} is full.`, 'full');
    join(band, ctx.player);
    game.setProp(ctx.player, 'bandInvites', inviting.filter((id) => id !== band.id));
    tellBand(band.id, `${nameOf(game.entity(ctx.player))} joins ${band.props.name}.`);
  },
  leave(ctx) {
    const band = bandOf(ctx.player);
    if (!band) { ctx.reply('You are not in a band.', { refused: 'no_band' }); return; }
    const left = leave(band, ctx.player);
    if (left.length === 0) {
      // The last one out takes what is left in the kitty; the band's songs stay on the charts under its name.
      const cash = band.props.cash ?? 0;
      if (cash > 0) transfer(band.id, ctx.player, cash, 'band dissolved');
      game.setProp(band.id, 'dissolved', game.now());
      game.setProp(band.id, 'gigs', []);
      ctx.reply(`You leave ${band.props.name}; with nobody left, the band is no more${cash > 0 ? ` and its $${cash} is yours` : ''}.`,
        { band: null });
      return;
    }
    ctx.reply(`You leave ${band.props.name}.`, { band: null });
    tellBand(band.id, `${nameOf(game.entity(ctx.player))} leaves the band.${left[0] !== band.props.members[0] ? ` ${nameOf(game.entity(left[0]))} leads it now.` : ''}`);
  },
  deposit(ctx, rest) {
    const band = bandOf(ctx.player);
    if (!band) { ctx.reply('You are not in a band.', { refused: 'no_band' }); return; }
    const amount = Number(rest.replace(/^\$/, ''));
    if (!Number.isInteger(amount) || amount <= 0) { ctx.reply('How much? "band deposit 20" puts $20 into the band\'s kitty.'); return; }
    game.durable();
    if (!transfer(ctx.player, band.id, amount, 'band deposit')) return refuse(ctx, `You do not have $${amount}.`, 'cash');
    tellBand(band.id, `${nameOf(game.entity(ctx.player))} puts $${amount} into the band's kitty.`);
  },
};

const BAND_USAGE = 'band [create <name> | invite <player> | join [name] | leave | deposit <amount>]';
const RELEASE_USAGE = 'release single <song> | release ep <name>: <song>, <song>[, ...]';

export const band = {
  name: 'band',
  help: 'Your band: members, fame, cash. "band create|invite|join|leave|deposit".',
  usage: BAND_USAGE,
  run(ctx) {
    const [word = '', ...more] = ctx.argv;
    const rest = more.join(' ').trim();
    if (word === '') {
      const mine = bandOf(ctx.player);
      if (!mine) { ctx.reply('You are not in a band. "band create <name>" starts one; "band join" accepts an invitation.', { band: null }); return; }
      show(ctx, mine);
      return;
    }
    const handler = sub[word.toLowerCase()];
    if (!handler) { ctx.reply(`Usage: ${BAND_USAGE}`); return; }
    handler(ctx, rest);
  },
};

function ownerFame(ownerId) {
  const owner = game.entity(ownerId);
  return owner?.kind === 'band' ? owner.props.fame ?? 0 : owner?.props.vitals?.fame ?? 0;
}

export const write = {
  name: 'write',
  help: 'Write a song: "write song <title>". Quality comes from songwriting, creativity, mood and effects.',
  usage: 'write song <title>',
  run(ctx) {
    const [what = '', ...words] = ctx.argv;
    const title = words.join(' ').trim();
    if (what.toLowerCase() !== 'song' || title === '') { ctx.reply('Usage: write song <title>'); return; }
    if (title.length > BANDS.songs.titleMaxLength)
      return refuse(ctx, `A title has at most ${BANDS.songs.titleMaxLength} characters.`, 'title');
    const me = character(ctx.player);
    if (me.props.vitals.energy < BANDS.songs.energyCost) {
      ctx.reply(`You are too tired to write: it takes ${BANDS.songs.energyCost} energy.`, { refused: 'energy' });
      return;
    }
    const band = bandOf(ctx.player);
    const owner = band ? band.id : ctx.player;
    const mine = songsOf(owner);
    if (mine.some((s) => s.props.title.toLowerCase() === title.toLowerCase()))
      return refuse(ctx, `There is a song called "${title}" already.`, 'title');
    if (mine.filter((s) => !s.props.released).length >= BANDS.songs.maxUnreleased) {
      ctx.reply(`You have ${BANDS.songs.maxUnreleased} unreleased songs: release some first.`, { refused: 'too_many' });
      return;
    }
    const quality = writingQuality(me);
    const id = createSong({ title, owner, artist: band ? band.props.name : nameOf(me), quality, writer: ctx.player });
    changeVitals(ctx.player, { energy: -BANDS.songs.energyCost, mood: -BANDS.songs.moodCost });
    for (const [skill, xp] of Object.entries(BANDS.songs.xp)) addXp(ctx.player, skill, xp);
    ctx.reply(`You write "${title}"${band ? ` for ${band.props.name}` : ''}. Quality ${quality}/100.`, { song: { id, title, quality, owner } });
  },
};

export const songs = {
  name: 'songs',
  help: 'List your songs and your band\'s, with quality and release.',
  whileBusy: true,
  readOnly: true,
  run(ctx) {
    const band = bandOf(ctx.player);
    const all = [...songsOf(ctx.player), ...(band ? songsOf(band.id) : [])];
    if (all.length === 0) { ctx.reply('You have no songs yet. "write song <title>" writes one.', { songs: [] }); return; }
    const rows = all.map((s) => ({ id: s.id, title: s.props.title, quality: s.props.quality, owner: s.props.owner,
      released: s.props.released?.kind ?? null }));
    ctx.reply(rows.map((r) => `"${r.title}" — quality ${r.quality}${r.released ? ` (${r.released})` : ''}`).join('\n'), { songs: rows });
  },
};

export const releaseCommand = {
  name: 'release',
  help: 'Release songs: "release single <song>" or "release ep <name>: <song>, <song>, ...".',
  usage: RELEASE_USAGE,
  run(ctx) {
    const [kind = '', ...words] = ctx.argv;
    const rest = words.join(' ');
    const band = bandOf(ctx.player);
    const owner = band ? band.id : ctx.player;
    const mine = songsOf(owner);
    let picked;
    let title = null;
    if (kind === 'single') {
      picked = [rest];
    } else if (kind === 'ep' && rest.includes(':')) {
      title = rest.slice(0, rest.indexOf(':')).trim();
      picked = rest.slice(rest.indexOf(':') + 1).split(',');
    } else {
      ctx.reply(`Usage: ${RELEASE_USAGE}`);
      return;
    }
    const found = picked.map((t) => [t.trim(), findSong(mine, t)]);
    const missing = found.find(([, s]) => !s);
    if (missing) { ctx.reply(`You have no song called "${missing[0]}".`, { refused: 'no_song' }); return; }
    const error = release(found.map(([, s]) => s), kind, { title, fame: ownerFame(owner) });
    if (error) { ctx.reply(error, { refused: 'release' }); return; }
    const names = listing(found.map(([, s]) => `"${s.props.title}"`));
    const text = kind === 'single' ? `${names} is out as a single.` : `The EP ${title} is out: ${names}.`;
    if (band) tellBand(band.id, text); else ctx.reply(text, { released: found.map(([, s]) => s.id) });
  },
};
