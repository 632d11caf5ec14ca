import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStore, type KeyValueStore } from '../storage/storage.ts';
import { localLocks, type Locks } from './locks.ts';
import { attachToPage, createOutbox, lrsMessage, restoreQueue, type Outbox, type OutboxOptions, type Transport, type TransportRequest, type XapiStatement } from './outbox.ts';

const ENDPOINT = 'https://lrs.example/xapi/';

/**
 * A fake LRS behind the transport: it stores statements by id (as an LRS does), can be down (network error),
 * answer a fixed status, take `latencyMs` (fake time) to answer, and reject statements whose verb it does not like.
 */
interface FakeLrs {
  stored: Map<string, XapiStatement>;
  requests: TransportRequest[];
  down: boolean;
  status: number | undefined;
  latencyMs: number;
  rejectVerb: string | undefined;
  postedIds(): (string | undefined)[];
  transport: Transport;
}

function fakeLrs(): FakeLrs {
  const stored = new Map<string, XapiStatement>();
  const requests: TransportRequest[] = [];
  const lrs: FakeLrs = {
    stored,
    requests,
    down: false,
    status: undefined,
    latencyMs: 0,
    rejectVerb: undefined,
    /** every statement id in every request, in the order they were posted */
    postedIds: () => requests.flatMap((r) => (JSON.parse(r.body) as XapiStatement[]).map((s) => s.id)),
    transport: {
      async send(req) {
        requests.push(req);
        if (lrs.latencyMs) await new Promise((r) => setTimeout(r, lrs.latencyMs));
        if (lrs.down) throw new TypeError('Failed to fetch');
        if (lrs.status) return { status: lrs.status, body: JSON.stringify({ message: `status ${lrs.status}` }) };
        const batch = JSON.parse(req.body) as XapiStatement[];
        const bad = batch.findIndex((s) => (s.verb as { id: string }).id === lrs.rejectVerb);
        if (bad >= 0) return { status: 400, body: JSON.stringify({ warnings: [`Problem in 'statements.${bad}.verb.id'`] }) };
        for (const s of batch) if (!stored.has(s.id!)) stored.set(s.id!, s);
        return { status: 200, body: JSON.stringify(batch.map((s) => s.id)) };
      },
    },
  };
  return lrs;
}

let n = 0;
const statement = (verb = 'answered', id?: string): XapiStatement => ({
  ...(id ? { id } : {}),
  actor: { mbox: 'mailto:learner@example.com' },
  verb: { id: `http://adlnet.gov/expapi/verbs/${verb}` },
  object: { id: `https://zhixing.example/xapi/c/questions/q${++n}` },
});

let ids = 0;
const newId = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

function outbox(lrs: ReturnType<typeof fakeLrs>, extra: Partial<OutboxOptions> & { store?: KeyValueStore; locks?: Locks } = {}): Outbox {
  return createOutbox({
    target: { endpoint: ENDPOINT, authorization: 'Basic abc' },
    store: extra.store ?? memoryStore(),
    transport: lrs.transport,
    random: () => 0.5,
    newId,
    ...extra,
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  ids = 0;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the statement outbox', () => {
  it('sends queued statements in queue order in one batch, with the xAPI version header and the authorization', async () => {
    const lrs = fakeLrs();
    const box = outbox(lrs);
    const queued = await box.enqueue([statement('experienced'), statement('answered'), statement('completed')]);
    expect(lrs.requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(300);
    expect(lrs.requests).toHaveLength(1);
    const [req] = lrs.requests;
    expect(req!.url).toBe('https://lrs.example/xapi/statements');
    expect(req!.headers).toMatchObject({ 'X-Experience-API-Version': '1.0.3', Authorization: 'Basic abc', 'Content-Type': 'application/json' });
    expect(lrs.postedIds()).toEqual(queued);
    expect(box.status()).toMatchObject({ pending: 0, sent: 3, rejected: [] });
  });

  it('assigns every statement its id when it is queued, and keeps an id a statement already has', async () => {
    const lrs = fakeLrs();
    const box = outbox(lrs);
    const given = 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b';
    const queued = await box.enqueue([statement('answered', given), statement('answered')]);
    expect(queued).toEqual([given, '00000000-0000-4000-8000-000000000001']);
    // the id is in storage before anything is sent: a resend after a crash carries the same id
    expect(box.status().recent.map((e) => e.statement.id).sort()).toEqual([...queued].sort());
  });

  it('sends a statement queued twice only once, also after it has been sent', async () => {
    const lrs = fakeLrs();
    const box = outbox(lrs);
    const s = statement('answered', 'a1a1a1a1-0000-4000-8000-000000000001');
    await box.enqueue([s, s]);
    await vi.advanceTimersByTimeAsync(300);
    await box.enqueue([s]);
    await vi.advanceTimersByTimeAsync(300);
    await box.flush();
    expect(lrs.postedIds()).toEqual([s.id]);
    expect(box.status().sent).toBe(1);
  });

  it('keeps statements while the LRS is unreachable and retries with growing delays until it answers', async () => {
    const lrs = fakeLrs();
    lrs.down = true;
    const box = outbox(lrs);
    await box.enqueue([statement()]);
    await vi.advanceTimersByTimeAsync(250);
    expect(lrs.requests).toHaveLength(1);
    expect(box.status()).toMatchObject({ pending: 1, lastFailure: { kind: 'network' } });
    // base 2 s doubling, times 0.75 for the jitter this test fixes: 1.5 s, 3 s, 6 s
    await vi.advanceTimersByTimeAsync(1_499);
    expect(lrs.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(lrs.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(lrs.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(lrs.requests).toHaveLength(3);
    lrs.down = false;
    await vi.advanceTimersByTimeAsync(6_000);
    expect(lrs.requests).toHaveLength(4);
    expect(lrs.stored.size).toBe(1);
    expect(box.status()).toMatchObject({ pending: 0, sent: 1 });
    expect(box.status().lastFailure).toBeUndefined();
  });

  it('caps the retry delay at five minutes', async () => {
    const lrs = fakeLrs();
    lrs.status = 503;
    const box = outbox(lrs, { random: () => 0.999999 });
    await box.enqueue([statement()]);
    await vi.advanceTimersByTimeAsync(250);
    for (let i = 0; i < 12; i++) await vi.advanceTimersByTimeAsync(box.status().retryAt! - Date.now());
    const before = lrs.requests.length;
    const wait = box.status().retryAt! - Date.now();
    expect(wait).toBeLessThanOrEqual(5 * 60_000);
    expect(wait).toBeGreaterThan(4 * 60_000);
    expect(box.status().lastFailure).toEqual({ kind: 'server', status: 503, message: 'status 503' });
    await vi.advanceTimersByTimeAsync(wait);
    expect(lrs.requests.length).toBe(before + 1);
  });

  it('sends again at once when the browser comes back online', async () => {
    const lrs = fakeLrs();
    lrs.down = true;
    const box = outbox(lrs);
    const unhook = attachToPage(box, window);
    await box.enqueue([statement()]);
    await vi.advanceTimersByTimeAsync(250);
    lrs.down = false;
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(lrs.stored.size).toBe(1);
    unhook();
  });

  it('sends with a request that survives the page when the page is hidden', async () => {
    const lrs = fakeLrs();
    const box = outbox(lrs, { sendDelayMs: 10_000 });
    const unhook = attachToPage(box, window);
    await box.enqueue([statement(), statement()]);
    window.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect(lrs.requests).toHaveLength(1);
    expect(lrs.requests[0]!.keepalive).toBe(true);
    expect(lrs.stored.size).toBe(2);
    unhook();
  });

  it('keeps a request made on page hide under the 64 KiB keepalive limit', async () => {
    const lrs = fakeLrs();
    const box = outbox(lrs, { sendDelayMs: 10_000, batchSize: 100 });
    const big = (i: number) => ({ ...statement(), result: { response: 'x'.repeat(10_000 + i) } });
    await box.enqueue(Array.from({ length: 10 }, (_, i) => big(i)));
    await box.flush({ keepalive: true });
    expect(lrs.requests).toHaveLength(1);
    expect(lrs.requests[0]!.body.length).toBeLessThanOrEqual(60 * 1024);
    expect(box.status().pending).toBe(4);
  });

  it('sets aside a statement the LRS rejects, with the LRS message, and still sends the rest in order', async () => {
    const lrs = fakeLrs();
    lrs.rejectVerb = 'http://adlnet.gov/expapi/verbs/bogus';
    const box = outbox(lrs);
    const [a, bad, c] = await box.enqueue([statement('answered'), statement('bogus'), statement('completed')]);
    await vi.advanceTimersByTimeAsync(300);
    expect([...lrs.stored.keys()]).toEqual([a, c]);
    const s = box.status();
    expect(s).toMatchObject({ pending: 0, sent: 2 });
    expect(s.rejected.map((e) => [e.id, e.message])).toEqual([[bad, "Problem in 'statements.0.verb.id'"]]);
    // a rejected statement does not block later ones
    const [d] = await box.enqueue([statement('passed')]);
    await vi.advanceTimersByTimeAsync(300);
    expect(lrs.stored.has(d!)).toBe(true);
  });

  it('pauses on 401 and 403 without retrying, and sends after resume', async () => {
    for (const code of [401, 403]) {
      const lrs = fakeLrs();
      lrs.status = code;
      const box = outbox(lrs);
      await box.enqueue([statement()]);
      await vi.advanceTimersByTimeAsync(250);
      expect(box.status().paused).toEqual({ kind: 'credentials', status: code, message: `status ${code}` });
      await vi.advanceTimersByTimeAsync(60 * 60_000);
      await box.enqueue([statement()]);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(lrs.requests).toHaveLength(1);
      lrs.status = undefined;
      await box.resume();
      expect(box.status().paused).toBeUndefined();
      expect(lrs.stored.size).toBe(2);
      box.stop();
    }
  });

  it('treats 409 (the LRS already holds the ids) as sent', async () => {
    const lrs = fakeLrs();
    lrs.status = 409;
    const box = outbox(lrs);
    await box.enqueue([statement(), statement()]);
    await vi.advanceTimersByTimeAsync(250);
    expect(box.status()).toMatchObject({ pending: 0, sent: 2 });
    expect(box.status().lastFailure).toBeUndefined();
  });

  it('sends what an earlier page left pending after a reload', async () => {
    const lrs = fakeLrs();
    lrs.down = true;
    const store = memoryStore();
    const first = outbox(lrs, { store });
    const queued = await first.enqueue([statement(), statement()]);
    await vi.advanceTimersByTimeAsync(250);
    first.stop();
    lrs.down = false;
    const second = outbox(lrs, { store });
    await second.flush();
    expect([...lrs.stored.keys()]).toEqual(queued);
    expect(second.status()).toMatchObject({ pending: 0, sent: 2 });
  });

  it('sends each statement from one tab only when two tabs queue and flush at the same time', async () => {
    const lrs = fakeLrs();
    lrs.latencyMs = 500;
    // what two tabs share: the device's storage and the origin's lock manager
    const store = memoryStore();
    const locks = localLocks();
    const tabA = outbox(lrs, { store, locks });
    const tabB = outbox(lrs, { store, locks });
    const fromA = await tabA.enqueue([statement(), statement()]);
    const fromB = await tabB.enqueue([statement(), statement()]);
    const flushes = [tabA.flush(), tabB.flush()];
    const moreA = await tabA.enqueue([statement()]);
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all(flushes);
    const posted = lrs.postedIds();
    expect(new Set(posted).size).toBe(posted.length);
    expect(posted).toEqual([...fromA, ...fromB, ...moreA]);
    await tabA.refresh();
    await tabB.refresh();
    expect(tabA.status()).toMatchObject({ pending: 0, sent: 5 });
    expect(tabB.status()).toMatchObject({ pending: 0, sent: 5 });
  });

  it('loses no statement when two tabs queue at the same moment', async () => {
    const lrs = fakeLrs();
    lrs.down = true;
    const store = memoryStore();
    const locks = localLocks();
    const tabs = [outbox(lrs, { store, locks }), outbox(lrs, { store, locks })];
    const queued = (await Promise.all(Array.from({ length: 10 }, (_, i) => tabs[i % 2]!.enqueue([statement()])))).flat();
    await tabs[0]!.refresh();
    expect(tabs[0]!.status().pending).toBe(10);
    expect(tabs[0]!.status().recent.map((e) => e.id).sort()).toEqual([...queued].sort());
  });
});

describe('reading the queue back', () => {
  it('keeps the entries that make sense from a damaged queue and drops the rest', () => {
    const good = { id: 'a', seq: 3, statement: { id: 'a' }, queuedAt: 1, state: 'pending' };
    const raw = JSON.stringify({ v: 1, seq: 1, entries: [good, { id: 'b', seq: 4, statement: { id: 'c' }, state: 'pending' }, null, { id: 'd' }], sentIds: ['x', 7] });
    const q = restoreQueue(raw);
    expect(q.entries).toEqual([good]);
    expect(q.seq).toBe(3);
    expect(q.sentIds).toEqual(['x']);
    expect(restoreQueue('{not json').entries).toEqual([]);
    expect(restoreQueue(null).entries).toEqual([]);
  });

  it('takes the LRS message from its JSON answer, or the text', () => {
    expect(lrsMessage('{"errorId":"1","warnings":["Problem in \'statements.0.actor.mbox\'"]}')).toBe("Problem in 'statements.0.actor.mbox'");
    expect(lrsMessage('{"message":"Unauthorised"}')).toBe('Unauthorised');
    expect(lrsMessage('Bad Request')).toBe('Bad Request');
    expect(lrsMessage('  ')).toBeUndefined();
  });
});
