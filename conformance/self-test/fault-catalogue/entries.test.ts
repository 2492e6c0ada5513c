import { getEventListeners } from 'node:events';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Adapter, RevokeTokenInput } from '../../adapters/contract.ts';
import { CATALOGUE, CONTROLS } from './catalogue.ts';

// Each entry must be observably wrong, not merely different code: this drives every entry and
// its control through the scenario that shows its fault, on a fetch of its own and a fake
// clock, and asserts that what the two did differs there. (The whole suite judges the
// controls; here they only give the right behaviour to differ from.)

const root = join(import.meta.dirname, '..', '..', '..');
const REGIONAL = 'https://cognito-idp.us-east-1.amazonaws.com';

type Reply =
  | { status: number; headers?: Record<string, string>; body?: string; delayMs?: number }
  | { kind: 'reset'; delayMs?: number }
  | { kind: 'truncate'; status: number };

type SignalPlan = 'pre-aborted' | 'abort-on-request' | 'abort-at-50ms' | 'shared';

interface CallPlan {
  input?: RevokeTokenInput;
  endpoint?: string;
  region?: string;
  signal?: SignalPlan;
}

interface Scenario {
  calls: CallPlan[];
  replies: Reply[];
  /** Start every call before any settles. */
  overlap?: boolean;
  /** Answer with the replies in turn, over and over (else the last one repeats). */
  cycle?: boolean;
}

const ok: Reply = { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: '{}' };
const error = (code: string, extra: Record<string, string> = {}): Reply => ({
  status: 400,
  headers: { 'content-type': 'application/x-amz-json-1.1', ...extra },
  body: JSON.stringify({ __type: code, message: 'from the body' }),
});
const serverError: Reply = { status: 500, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: '{"__type":"InternalErrorException"}' };
const input = (): RevokeTokenInput => ({ Token: 'fake-token.example', ClientId: 'exampleclient1', ClientSecret: 'fake-secret' });
const one = (replies: Reply[], call: CallPlan = {}): Scenario => ({ calls: [call], replies });

const ENDPOINTS: Scenario = {
  calls: [
    { endpoint: REGIONAL },
    { endpoint: 'http://127.0.0.1:4566/custom' },
    { endpoint: 'http://127.0.0.1:4566/custom/' },
    { endpoint: 'https://cognito-idp.cn-north-1.amazonaws.com.cn', region: 'cn-north-1' },
  ],
  replies: [ok],
};

const SCENARIOS: Record<string, Scenario> = {
  'drops-endpoint-path': ENDPOINTS,
  'drops-slash-after-path': ENDPOINTS,
  'doubles-trailing-slash': ENDPOINTS,
  'drops-endpoint-port': ENDPOINTS,
  'forces-https': ENDPOINTS,
  'host-from-region': ENDPOINTS,
  'wrong-partition-suffix': ENDPOINTS,
  'keeps-first-endpoint': ENDPOINTS,
  'retry-repeats-endpoint-path': one([serverError, ok], { endpoint: 'http://127.0.0.1:4566/custom' }),
  'keeps-first-content-length': { calls: [{}, { input: { Token: 'a-much-longer-fake-token.example', ClientId: 'c' } }], replies: [ok] },
  'stacks-target-step': { calls: [{}, {}], replies: [ok] },
  'retry-quota-never-refills': { calls: [{}, {}, {}], replies: [serverError] },
  'quota-drained-by-non-retryable': { calls: [{}, {}, {}], replies: [serverError, error('UnsupportedTokenTypeException')], cycle: true },
  'leaks-slot-on-network-error': { calls: [{}, {}, {}], replies: [{ kind: 'reset' }, { kind: 'reset' }, ok] },
  'ignores-already-aborted-signal': one([ok], { signal: 'pre-aborted' }),
  'back-off-ignores-abort': one([serverError, ok], { signal: 'abort-at-50ms' }),
  'retries-aborted-attempt': one([ok], { signal: 'abort-on-request' }),
  'leaks-abort-listener': { calls: [{ signal: 'shared' }, { signal: 'shared' }, { signal: 'shared' }], replies: [ok] },
  'network-error-resolves': one([{ kind: 'reset' }]),
  'network-error-escapes-raw': one([{ kind: 'reset' }]),
  'network-error-hangs': one([{ kind: 'reset' }]),
  'truncated-body-resolves': one([{ kind: 'truncate', status: 200 }]),
  'truncated-body-hangs': one([{ kind: 'truncate', status: 200 }]),
  'retries-reset-undeclared': one([{ kind: 'reset' }, ok]),
  'leaves-request-timer': one([ok]),
  'leaves-timer-after-error': one([error('UnsupportedTokenTypeException')]),
  'resends-after-resolve': one([ok]),
  'keeps-retrying-after-abort': one([ok], { signal: 'abort-on-request' }),
  'deletes-secret-from-input': one([ok]),
  'trims-token-in-place': one([ok], { input: { Token: ' fake-token.example ', ClientId: 'exampleclient1' } }),
  'replaces-lone-surrogates': one([ok], { input: { Token: 'fake\ud800token', ClientId: 'exampleclient1' } }),
  'cuts-strings-at-nul': one([ok], { input: { Token: 'fake\u0000token', ClientId: 'exampleclient1' } }),
  'duplicate-step-when-overlapping': { calls: [{}, {}], replies: [ok], overlap: true },
  'swaps-answers-when-overlapping': { calls: [{}, {}], replies: [ok, error('UnsupportedTokenTypeException')], overlap: true },
  'network-error-fails-all-in-flight': {
    calls: [{}, {}],
    replies: [
      { kind: 'reset', delayMs: 20 },
      { ...ok, delayMs: 50 },
    ],
    overlap: true,
  },
  'exact-content-type-for-errors': one([error('UnsupportedTokenTypeException', { 'content-type': 'application/x-amz-json-1.1; charset=utf-8' })]),
  'only-200-is-success': one([{ status: 204 }]),
  'dunder-type-before-code': one([{ status: 400, body: '{"code":"UnsupportedTokenTypeException","__type":"InvalidParameterException"}' }]),
  'body-code-over-header': one([error('InvalidParameterException', { 'x-amzn-errortype': 'UnsupportedTokenTypeException' })]),
  'message-from-header-only': one([error('UnsupportedTokenTypeException', { 'x-amzn-errortype': 'UnsupportedTokenTypeException' })]),
};

/** The entries whose only deviation is one that vitest itself reports (an unhandled rejection). */
const SHOWN_BY_THE_SUITE_ONLY = new Set(['network-error-unhandled-rejection']);

function responseOf(reply: Exclude<Reply, { kind: 'reset' }>): Response {
  if ('kind' in reply) {
    const cut = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"__ty'));
        controller.error(new TypeError('terminated'));
      },
    });
    return new Response(cut, { status: reply.status });
  }
  return new Response(reply.body === undefined || reply.status === 204 ? null : reply.body, { status: reply.status, headers: reply.headers ?? {} });
}

/** Everything a caller and the service could see of a scenario. */
async function observe(module: string, scenario: Scenario) {
  const { default: factory } = (await import(join(root, module))) as { default: () => Adapter };
  const adapter = factory();
  const requests: { url: string; body: string; target: string | null; length: string | null }[] = [];
  const shared = new AbortController();
  const controllers = scenario.calls.map((c) => (c.signal === 'shared' ? shared : c.signal ? new AbortController() : undefined));
  let now = 0;
  let replyIndex = 0;
  const fetcher = (async (url: string | URL | Request, init?: RequestInit) => {
    const signal = init?.signal ?? undefined;
    if (signal?.aborted) throw signal.reason;
    const headers = new Headers(init?.headers);
    requests.push({ url: String(url), body: String(init?.body ?? ''), target: headers.get('x-amz-target'), length: headers.get('content-length') });
    scenario.calls.forEach((c, i) => {
      if (c.signal === 'abort-on-request' && !controllers[i]!.signal.aborted) controllers[i]!.abort(new DOMException('cancelled', 'AbortError'));
    });
    if (signal?.aborted) throw signal.reason;
    const index = replyIndex++;
    const reply = scenario.replies[scenario.cycle ? index % scenario.replies.length : Math.min(index, scenario.replies.length - 1)]!;
    if ('delayMs' in reply && reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if ('kind' in reply && reply.kind === 'reset') throw new TypeError('fetch failed', { cause: new Error('read ECONNRESET') });
    return responseOf(reply as Exclude<Reply, { kind: 'reset' }>);
  }) as typeof fetch;

  const inputs = scenario.calls.map((c) => c.input ?? input());
  const outcomes: unknown[] = scenario.calls.map(() => 'pending');
  const drive = async (done: () => boolean) => {
    for (let step = 0; step < 200 && !done(); step += 1) {
      await vi.advanceTimersByTimeAsync(10);
      now += 10;
    }
  };
  const start = (i: number) => {
    const plan = scenario.calls[i]!;
    const controller = controllers[i];
    if (plan.signal === 'pre-aborted') controller!.abort(new DOMException('cancelled before the call', 'AbortError'));
    if (plan.signal === 'abort-at-50ms') setTimeout(() => controller!.abort(new DOMException('cancelled', 'AbortError')), 50);
    const context = {
      endpoint: plan.endpoint ?? REGIONAL,
      region: plan.region ?? 'us-east-1',
      fetch: fetcher,
      ...(controller ? { signal: controller.signal } : {}),
    };
    return Promise.resolve()
      .then(() => adapter.revokeToken(inputs[i]!, context))
      .then(
        () => {
          outcomes[i] = { resolved: true, at: now };
        },
        (e: unknown) => {
          outcomes[i] = { rejected: e instanceof Error ? e.name : typeof e, message: e instanceof Error ? e.message : '', at: now };
        },
      );
  };
  if (scenario.overlap) {
    scenario.calls.forEach((_, i) => void start(i));
    await drive(() => outcomes.every((o) => o !== 'pending'));
  } else {
    for (const [i] of scenario.calls.entries()) {
      void start(i);
      await drive(() => outcomes[i] !== 'pending');
    }
  }
  const timersLeft = vi.getTimerCount();
  const sentBeforeTheEnd = requests.length;
  await vi.advanceTimersByTimeAsync(60_000);
  return {
    requests: requests.slice(0, sentBeforeTheEnd),
    outcomes,
    inputs: JSON.parse(JSON.stringify(inputs)) as unknown,
    timersLeft,
    requestsAfterTheEnd: requests.length - sentBeforeTheEnd,
    listenersLeft: getEventListeners(shared.signal, 'abort').length,
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('every catalogue entry misbehaves where its fault shows, and its control does not', () => {
  it('each entry has a scenario, or is shown by the suite alone', () => {
    expect(CATALOGUE.map((e) => e.id).filter((id) => !SCENARIOS[id] && !SHOWN_BY_THE_SUITE_ONLY.has(id))).toEqual([]);
  });

  it.each(CATALOGUE.filter((e) => SCENARIOS[e.id]).map((e) => [e.id, e] as const))('%s', async (id, entry) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { default: factory } = (await import(join(root, entry.module))) as { default: () => Adapter };
    const control = CONTROLS.find((c) => c.id === (factory().capabilities?.retries ? 'control-with-retries' : 'control'))!;
    const right = await observe(control.module, SCENARIOS[id]!);
    vi.useRealTimers();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const wrong = await observe(entry.module, SCENARIOS[id]!);
    expect(wrong, `${id} behaves exactly as its control in its own scenario`).not.toEqual(right);
  });
});
