import { describe, expect, it } from 'vitest';
import { minimalClient } from '../self-test/minimal-client.ts';
import { withVitestWayOut } from './describe-conformance.ts';
import { describeConformance } from './index.ts';

// The integration on a correct client: these tests are the suite's own cases, one per id.
describeConformance(minimalClient({}, 'minimal-client', { retries: true }), {
  name: 'describeConformance on the minimal client',
  filters: ['C4', 'RevokeTokenSuccessEmptyObject', 'cancellation', 'retries'],
  seed: 7,
  runs: 5,
});

describe('a .ts adapter path this Node cannot load, in vitest', () => {
  const refused = () =>
    Object.assign(new Error('--adapter ./my-adapter.ts: Node v20.0.0 cannot load TypeScript by itself (...)'), { name: 'AdapterLoadError' });

  it('adds the way out only vitest has: import the adapter and pass the object', () => {
    const error = withVitestWayOut(refused(), './my-adapter.ts') as Error;
    expect(error.name).toBe('AdapterLoadError');
    expect(error.message).toContain("import it (import adapter from './my-adapter.ts') and pass the adapter object");
  });

  it('leaves every other error, and every other client, as it was', () => {
    expect((withVitestWayOut(refused(), './my-adapter.mjs') as Error).message).not.toContain('in vitest');
    expect((withVitestWayOut(refused(), { command: 'x' }) as Error).message).not.toContain('in vitest');
    const other = new Error('the module failed to load: SyntaxError');
    expect(withVitestWayOut(other, './my-adapter.ts')).toBe(other);
    expect(other.message).not.toContain('in vitest');
  });
});
