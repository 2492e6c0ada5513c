import { describe, expect, it } from 'vitest';
import { describeInputChange } from './caller-input.ts';

describe('describeInputChange', () => {
  const before = { Token: 'fake-token', ClientId: 'fakeclient', ClientSecret: 'fake-secret' };

  it('is empty for an equal object, whatever its identity', () => {
    expect(describeInputChange(before, { ...before })).toBe('');
  });

  it('names the member removed, changed or added, never its value', () => {
    const { ClientSecret: _dropped, ...withoutSecret } = before;
    expect(describeInputChange(before, withoutSecret)).toBe('ClientSecret was removed');
    expect(describeInputChange(before, { ...before, Token: 'other' })).toBe('Token was changed');
    expect(describeInputChange(before, { ...before, RevokeAssociatedSessions: true })).toBe('RevokeAssociatedSessions was added');
    expect(describeInputChange(before, { ...before, Token: 'other' })).not.toContain('other');
  });

  it('says so when the input is no longer an object or cannot be read', () => {
    expect(describeInputChange(before, null)).toBe('the input became null');
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no');
        },
      },
    );
    expect(describeInputChange(before, hostile)).toBe('the input can no longer be read');
  });
});
