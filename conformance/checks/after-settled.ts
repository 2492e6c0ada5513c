import { fail, pass } from '../judging/check.ts';
import type { ClientCheck } from './check.ts';

/**
 * A8: once a call has settled, it is over. No request of it arrives afterwards (a
 * fire-and-forget retry or "second try" its caller never hears of), and no timer of it is left
 * on the clock to fire later (a back-off or time-out that was never cleared), and no listener of
 * it stays on a signal the application keeps for many calls (one per call piles up for as long
 * as the application runs). The harness looks
 * for a few event-loop turns after the settlement and runs the timers left on the fake clock
 * (conformance/run/clock.ts); what it finds is named in one line.
 */
export const a8NothingAfterSettled: ClientCheck = {
  name: 'a8NothingAfterSettled',
  rules: ['A8'],
  level: () => 'must',
  appliesTo: (o) => o.outcome.kind !== 'unsettled',
  evaluate: (o) => {
    const left = o.afterSettled;
    if (left === undefined || (left.requests.length === 0 && left.timers.length === 0 && !left.listeners)) return pass;
    const found: string[] = [];
    if (left.requests.length > 0) {
      const first = left.requests[0]!;
      const more = left.requests.length > 1 ? ` (${left.requests.length} requests in all)` : '';
      found.push(`a request arrived ${first.afterMs} ms (virtual) after the call settled${more}`);
    }
    if (left.timers.length > 0) {
      const shown = left.timers.slice(0, 3).join(', ');
      found.push(`left ${left.timers.length} timer${left.timers.length > 1 ? 's' : ''} (${shown}${left.timers.length > 3 ? ', ...' : ''}) on the clock`);
    }
    if (left.listeners) {
      const n = left.listeners;
      found.push(`left ${n} 'abort' listener${n > 1 ? 's' : ''} on the caller's signal, which outlives the call (the application keeps it for many calls)`);
    }
    return fail('nothing after the call settled', found.join('; '));
  },
};
