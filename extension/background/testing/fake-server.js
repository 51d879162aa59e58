// A sync server in memory behind a fake fetch, for node tests of the sync engine: GET /v1/sync (pull), POST
// /v1/sync (push: every change applies (its lifted names dropped), every deletion too (one of a removed ID writes nothing) unless its ID is in
// refusals, but a change of an ID in conflicts is a conflict on its note), GET /v1/sync/wait (answered only by
// answerWaits; else the engine's timeout ends it), GET /v1/items/<id> (unless its ID is in lookups). Enough of
// the wire contract (shared/syncproto) for rounds, not its merge rules.
export function fakeServer() {
  const items = new Map();
  let version = 0;
  const requests = [];
  /** @type {((r: Response) => void)[]} the waits open, to answer (answerWaits) */
  const waits = [];
  /** Answers the waits open with status (and an error body unless 200 or 204). */
  const answerWaits = (status) => {
    for (const answer of waits.splice(0)) {
      answer(status === 204 ? new Response(null, { status }) : status === 200 ? json(200, { version })
        : json(status, { error: { code: 'internal', message: 'the server failed' } }));
    }
  };
  /** @type {Set<string>} IDs whose next change is answered as a conflict on the note */
  const conflicts = new Set();
  /**
   * IDs whose deletion the server refuses, and how: 'push' answers the whole push 400 invalid (as a body it cannot
   * take), 'result' answers that deletion's result "invalid", 'later' answers it with a status the client does not
   * know ("unavailable"), 'id' answers its result "invalid" for its ID (as shared/syncproto Deletion.Normalize), and
   * so the result of any change of it (Change.Normalize); either way nothing of it is written. 'edited' answers it
   * "conflict" with the server's item, as the real server answers a deletion based on a version older than the
   * item's (backend/sqlite mergeDeletion: edited on another device after this one's copy).
   * @type {Map<string, 'push'|'result'|'later'|'id'|'edited'>}
   */
  const refusals = new Map();
  /**
   * IDs whose GET /v1/items/<id> the server refuses ('invalid', 400: an ID it will not look up), fails ('failing',
   * 500), or answers as a route it does not have ('route', 404 not_found, as Echo's own unknown route).
   * @type {Map<string, 'invalid'|'failing'|'route'>}
   */
  const lookups = new Map();
  /** @type {Set<string>} what GET /v1/sync says the server takes (Papergist-Features): 'lifted' (Change.lifted) */
  const features = new Set();
  const json = (status, body) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  globalThis.fetch = async (url, init = {}) => {
    const u = new URL(url);
    const method = init.method || 'GET';
    requests.push(`${method} ${u.pathname}`);
    if (u.pathname === '/v1/sync/wait') {
      return new Promise((resolve, reject) => {
        waits.push(resolve);
        init.signal?.addEventListener('abort', () => reject(init.signal.reason));
      });
    }
    if (u.pathname === '/v1/sync' && method === 'GET') {
      const since = Number(u.searchParams.get('since'));
      const headers = features.size ? { 'Papergist-Features': [...features].join(', ') } : {};
      if (version <= since) return new Response(null, { status: 304, headers });
      const changed = [...items.values()].filter((i) => i.version > since);
      const res = json(200, { version, items: changed.filter((i) => !i.deleted), deleted: changed.filter((i) => i.deleted).map(({ id, version: v }) => ({ id, version: v })), more: false });
      for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
      return res;
    }
    if (u.pathname === '/v1/sync' && method === 'POST') {
      const body = JSON.parse(init.body);
      if (body.deletions.some((d) => refusals.get(d.id) === 'push')) {
        return json(400, { error: { code: 'invalid', message: 'deletions: this one is refused' } });
      }
      const refused = (d) => refusals.get(d.id) === 'result' || refusals.get(d.id) === 'id';
      // As the real server (backend/sqlite merge.go, items.go apply): removing what is removed already writes
      // nothing, and a push that writes nothing is answered with the library's current version, which may be
      // another device's write this device has not pulled.
      const idRefused = (x) => refusals.get(x.id) === 'id'; // its changes too (shared/syncproto Change.Normalize)
      const kept = (d) => refused(d) || refusals.get(d.id) === 'later' || refusals.get(d.id) === 'edited';
      const writes = body.changes.some((c) => !idRefused(c)) || body.deletions.some((d) => !kept(d) && !items.get(d.id)?.deleted);
      if (writes) version++;
      const results = [];
      for (const ch of body.changes) {
        if (idRefused(ch)) {
          results.push({ id: ch.id, status: 'invalid', error: { code: 'invalid', message: `id: "${ch.id}" is not a paper ID` } });
          continue;
        }
        if (conflicts.delete(ch.id)) {
          const theirs = { ...items.get(ch.id), note: 'their note', version };
          items.set(ch.id, theirs);
          results.push({ status: 'conflict', item: theirs, fields: ['note'] });
          continue;
        }
        const fields = { ...ch };
        delete fields.base_version;
        delete fields.lifted; // how the value came, not a field
        const item = { ...(items.get(ch.id) || {}), ...fields, version };
        delete item.deleted;
        items.set(ch.id, item);
        results.push({ status: 'applied', item });
      }
      for (const d of body.deletions) {
        if (refused(d)) {
          const message = refusals.get(d.id) === 'id' ? `id: "${d.id}" is not a paper ID` : 'this deletion is refused';
          results.push({ id: d.id, status: 'invalid', error: { code: 'invalid', message } });
          continue;
        }
        if (refusals.get(d.id) === 'edited' && items.get(d.id) && !items.get(d.id).deleted) {
          results.push({ id: d.id, status: 'conflict', item: items.get(d.id), error: { code: 'conflict', message: 'edited after base_version' } });
          continue;
        }
        if (refusals.get(d.id) === 'later') { // a status the client does not know: not a refusal
          results.push({ id: d.id, status: 'unavailable' });
          continue;
        }
        if (!items.get(d.id)?.deleted) items.set(d.id, { id: d.id, version, deleted: true });
        results.push({ status: 'applied', version: items.get(d.id).version });
      }
      return json(200, { version, results });
    }
    if (u.pathname.startsWith('/v1/items/') && method === 'GET') {
      const id = decodeURIComponent(u.pathname.slice('/v1/items/'.length));
      const how = lookups.get(id);
      if (how === 'invalid') return json(400, { error: { code: 'invalid', message: 'id: this one is refused' } });
      if (how === 'failing') return json(500, { error: { code: 'internal', message: 'the server failed' } });
      if (how === 'route') return json(404, { error: { code: 'not_found', message: 'Not Found' } });
      const it = items.get(id);
      if (!it || it.deleted) return json(404, { error: { code: 'not_found', message: `item ${id} not found` } });
      return json(200, it);
    }
    return json(404, { error: { code: 'not_found', message: 'no such route' } });
  };
  /** Stores items as the server's, at one new version, and returns it. */
  const seed = (list) => {
    version++;
    for (const i of list) items.set(i.id, { ...i, version });
    return version;
  };
  return { items, requests, seed, conflicts, refusals, lookups, features, answerWaits, get version() { return version; } };
}
