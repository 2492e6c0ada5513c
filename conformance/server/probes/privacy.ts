import { randomBytes } from 'node:crypto';
import { CaseRecorder, type FixedServerCase } from '../cases/server-case.ts';
import { awsJsonRequest } from '../wire/aws-json-request.ts';
import { sendRevoke } from './revoke-probe.ts';

/**
 * The two refusals most likely to quote what was sent: a client id no pool has, and a wrong
 * client secret. Whatever the answer (both outcomes are judged elsewhere or unverified), it
 * must not contain the values. They are long and random, so an echo cannot pass for chance.
 * @internal
 */
export const PRIVACY_CASE: FixedServerCase = {
  kind: 'scripted',
  id: 'privacy-refusals-do-not-echo-inputs',
  title: 'refusing an unknown ClientId or a wrong ClientSecret, the answer does not quote either',
  level: 'must',
  tags: ['P1', 'privacy'],
  origin: 'conformance/server/probes/privacy.ts',
  async run(context) {
    const recorder = new CaseRecorder(context.wire.timeoutMs);
    const world = await context.world();
    const session = await context.freshSession('public');
    const unknownClient = { Token: session.refreshToken, ClientId: randomBytes(13).toString('hex') };
    await sendRevoke(
      context,
      recorder,
      'unknown ClientId',
      awsJsonRequest(context.wire.endpoint, 'RevokeToken', unknownClient),
      { kind: 'observe' },
      Object.values(unknownClient),
    );
    const confidential = await context.freshSession('confidential');
    const wrongSecret = { Token: confidential.refreshToken, ClientId: world.clients.confidential.clientId, ClientSecret: randomBytes(20).toString('hex') };
    await sendRevoke(
      context,
      recorder,
      'wrong ClientSecret',
      awsJsonRequest(context.wire.endpoint, 'RevokeToken', wrongSecret),
      { kind: 'observe' },
      Object.values(wrongSecret),
    );
    return recorder;
  },
};
