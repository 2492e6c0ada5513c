import { describe, expect, it } from 'vitest';
import { NotAPromise, outcomeOf } from './outcome.ts';

const rejected = (error: unknown) => outcomeOf({ kind: 'rejected', error });
const crashOf = (error: unknown) => {
  const outcome = rejected(error);
  return outcome.kind === 'rejected' ? outcome.error.crash : `not rejected: ${outcome.kind}`;
};

describe('outcomeOf decides what is a crash, and never throws', () => {
  it("keeps a client's decoded error as it is", () => {
    const error = Object.assign(new Error('bad token'), { name: 'UnsupportedTokenTypeException', $metadata: { httpStatusCode: 400, requestId: 'r1' } });
    expect(rejected(error)).toEqual({
      kind: 'rejected',
      error: { name: 'UnsupportedTokenTypeException', message: 'bad token', statusCode: 400, requestId: 'r1', hasMetadata: true },
    });
  });

  it('a bare TypeError without metadata is a crash; with the response metadata it is a parser error the caller can act on', () => {
    expect(crashOf(new TypeError('x is undefined'))).toMatch(/bare TypeError/);
    expect(crashOf(Object.assign(new SyntaxError('bad JSON'), { $metadata: { httpStatusCode: 502 } }))).toBeUndefined();
  });

  it('a process client that exited or spoke garbage is a crash; one that timed out did not settle', () => {
    const processError = (kind: string) => Object.assign(new Error(`child ${kind}`), { name: 'ProcessAdapterError', kind });
    expect(crashOf(processError('exit'))).toMatch(/client process failed \(exit\)/);
    expect(crashOf(processError('protocol'))).toMatch(/\(protocol\)/);
    expect(rejected(processError('timeout')).kind).toBe('unsettled');
  });

  it('values that are not Errors, throwing getters and hostile Proxies are crashes, read without throwing', () => {
    expect(crashOf('a string')).toMatch(/not an Error/);
    expect(crashOf(undefined)).toMatch(/not an Error/);
    expect(crashOf(Object.create(null))).toMatch(/not an Error/);
    const getters = Object.defineProperty(new Error('m'), 'name', {
      get() {
        throw new Error('no');
      },
    });
    expect(crashOf(getters)).toMatch(/cannot be read/);
    const trap = () => {
      throw new Error('trap');
    };
    expect(crashOf(new Proxy({}, { get: trap, getPrototypeOf: trap }))).toMatch(/cannot be read/);
    expect(crashOf(new NotAPromise('number 42'))).toMatch(/returned number 42, not a promise/);
  });

  it('a resolved value becomes plain data, whatever it was', () => {
    const trap = () => {
      throw new Error('trap');
    };
    expect(outcomeOf({ kind: 'resolved', value: new Proxy({}, { get: trap }) })).toEqual({ kind: 'resolved', value: {} });
    expect(outcomeOf({ kind: 'resolved', value: { $metadata: { httpStatusCode: 200, requestId: 'r', extra: () => 1 } } })).toEqual({
      kind: 'resolved',
      value: { $metadata: { httpStatusCode: 200, requestId: 'r' } },
    });
  });
});
