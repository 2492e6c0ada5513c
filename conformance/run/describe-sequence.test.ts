import { describe, expect, it } from 'vitest';
import type { CallAnswer, CallSequence } from '../properties/call-sequence.ts';
import { describeSequence } from './describe-sequence.ts';

const answer = (label: string): CallAnswer => ({ label, level: 'must', tags: [], response: { code: 200 }, expect: { outcome: 'success' } });

describe('describeSequence', () => {
  it('numbers the steps, folds a call waited for at once into one line, and names inputs passed again', () => {
    const sequence: CallSequence = {
      inputs: [{ Token: 'fake-secret-token', ClientId: 'fakeclient' }],
      calls: [
        { input: 0, endpoint: 'https://cognito-idp.us-east-1.amazonaws.com/q1/', region: 'us-east-1', answer: answer('500 InternalErrorException') },
        {
          input: 0,
          endpoint: 'https://cognito-idp.eu-west-1.amazonaws.com/q2/',
          region: 'eu-west-1',
          answer: answer('200 {}'),
          signal: { kind: 'pre-aborted' },
        },
        { input: 0, endpoint: 'https://cognito-idp.eu-west-1.amazonaws.com/q3/', region: 'eu-west-1', answer: answer('connection-reset') },
      ],
      steps: [
        { kind: 'start', call: 0 },
        { kind: 'await', call: 0 },
        { kind: 'start', call: 2 },
        { kind: 'start', call: 1 },
        { kind: 'await', call: 1 },
        { kind: 'await', call: 2 },
      ],
    };
    expect(describeSequence(sequence)).toEqual([
      '1. call 1: revokeToken(input#1) → https://cognito-idp.us-east-1.amazonaws.com/q1/ answers 500 InternalErrorException',
      '2. call 3: revokeToken(input#1 again) → https://cognito-idp.eu-west-1.amazonaws.com/q3/ answers connection-reset (left in flight)',
      '3. call 2: revokeToken(input#1 again) → https://cognito-idp.eu-west-1.amazonaws.com/q2/ answers 200 {}, signal already aborted',
      '4. wait for call 3',
    ]);
    expect(describeSequence(sequence).join('\n')).not.toContain('fake-secret-token');
  });
});
