// The HTTP half of the protocol (docs/protocol.md): accounts, sessions and, when the server offers them,
// characters. Every failure becomes an ApiError carrying the status and the server's own message.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function call(method, path, body, token) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.');
  }
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, data?.error ?? `The server answered ${response.status}.`);
  }
  return data ?? {};
}

export function register(name, password) {
  return call('POST', '/api/accounts', { name, password });
}

/** {token, expiresAt, characters?}: servers with several characters per account may list them here. */
export function login(name, password) {
  return call('POST', '/api/sessions', { name, password });
}

/**
 * The account's characters, or null when this server has one character per account (no character API:
 * 404 or 405). Accepts a plain list or {characters: [...]}.
 */
export async function characters(token) {
  try {
    const data = await call('GET', '/api/characters', undefined, token);
    return Array.isArray(data) ? data : (data.characters ?? []);
  } catch (e) {
    if (e.status === 404 || e.status === 405) return null;
    throw e;
  }
}

/** Ends the token on servers that offer it (DELETE /api/sessions); a failure changes nothing for the page. */
export async function logout(token) {
  try {
    await call('DELETE', '/api/sessions', undefined, token);
  } catch {
    // An older server, or the token has expired already: the page forgets it either way.
  }
}

export function createCharacter(token, name) {
  return call('POST', '/api/characters', { name }, token);
}

/** The world's game time (ISO string) from /health, or null; read once to set the clock before a `clock` event. */
export async function gameTime() {
  try {
    const response = await fetch('/health', { headers: { Accept: 'application/json' } });
    const data = await response.json();
    return typeof data.gameTime === 'string' ? data.gameTime : null;
  } catch {
    return null;
  }
}
