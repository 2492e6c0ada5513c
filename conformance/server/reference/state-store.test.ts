import { describe, expect, it } from 'vitest';
import { type RefreshSessionRecord, StateStore, type UserRecord } from './state-store.ts';

function user(): UserRecord {
  return { username: 'u', sub: 's', attributes: new Map(), status: 'CONFIRMED', enabled: true, createdAt: 0, modifiedAt: 0 };
}

function session(originJti: string): RefreshSessionRecord {
  return { poolId: 'p', clientId: 'c', username: 'u', originJti, eventId: 'e', authTime: 0, expiresAt: 1, revoked: false };
}

describe('StateStore', () => {
  it('checks passwords without keeping them', () => {
    const store = new StateStore();
    const alice = user();
    expect(store.passwordMatches(alice, 'anything')).toBe(false);
    store.setPassword(alice, 'Correct-Horse-9');
    expect(store.passwordMatches(alice, 'Correct-Horse-9')).toBe(true);
    expect(store.passwordMatches(alice, 'correct-horse-9')).toBe(false);
    expect(JSON.stringify(Object.entries(store))).not.toContain('Correct-Horse-9');
  });

  it('finds sessions by refresh token', () => {
    const store = new StateStore();
    const first = session('o1');
    store.addSession('token-1', first);
    expect(store.session('token-1')).toBe(first);
    expect(store.session('token-2')).toBeUndefined();
  });

  it('revokes a session and its token family, and nothing else', () => {
    const store = new StateStore();
    const first = session('o1');
    const second = session('o2');
    store.addSession('t1', first);
    store.addSession('t2', second);
    store.revoke(first);
    expect(first.revoked).toBe(true);
    expect(store.isOriginRevoked('o1')).toBe(true);
    expect(second.revoked).toBe(false);
    expect(store.isOriginRevoked('o2')).toBe(false);
  });
});
