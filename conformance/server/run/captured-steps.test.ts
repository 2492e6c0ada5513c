import { describe, expect, it } from 'vitest';
import { REDACTED, SensitiveValues } from '../../redaction/redact.ts';
import type { JudgedStep } from '../cases/server-case.ts';
import { SERVER_CHECKS } from '../checks/index.ts';
import { answer } from '../checks/test-support.ts';
import type { ReceivedResponse } from '../wire/exchange.ts';
import { failingStepExchanges } from './captured-steps.ts';

const SECRET = 'refresh-token-that-must-not-show';

function step(label: string, response: ReceivedResponse, body: object): JudgedStep {
  const request = {
    method: 'POST',
    path: '/',
    headers: { 'content-type': 'application/x-amz-json-1.1' },
    body: new TextEncoder().encode(JSON.stringify(body)),
  };
  return {
    label,
    observation: {
      operation: 'RevokeToken',
      exchange: { request, response },
      expected: { kind: 'accepted', rule: 'S1', level: 'must' },
      sensitive: [SECRET],
      timeoutMs: 50,
    },
  };
}

describe('the exchanges a failing server case keeps', () => {
  const sensitive = new SensitiveValues();
  sensitive.add(SECRET);
  const accepted = step('first call', answer({ body: {} }), { Token: SECRET, ClientId: 'client' });
  const refused = step('second call', answer({ status: 400, body: { __type: 'InvalidParameterException', message: `bad ${SECRET}` } }), {
    Token: SECRET,
    Password: 'a-password-of-the-user',
  });

  it('are the steps that failed, redacted by value and by member, with the count of all steps', () => {
    const kept = failingStepExchanges([accepted, refused], SERVER_CHECKS, sensitive);
    expect(kept?.total).toBe(2);
    expect(kept?.shown.map((e) => e.label)).toEqual(['second call']);
    const shown = kept!.shown[0]!;
    expect(JSON.parse(shown.request.body)).toEqual({ Token: REDACTED, Password: REDACTED });
    expect(shown.response?.status).toBe(400);
    expect(shown.response?.body).toContain(`bad ${REDACTED}`);
    expect(JSON.stringify(kept)).not.toContain(SECRET);
  });

  it('show the values when redaction is off (so the test above can fail)', () => {
    const kept = failingStepExchanges([refused], SERVER_CHECKS, new SensitiveValues(false));
    expect(kept!.shown[0]!.request.body).toContain(SECRET);
  });
});
