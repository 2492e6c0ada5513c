import { CaseRecorder, type FixedServerCase } from '../cases/server-case.ts';
import { awsJsonRequest } from '../wire/aws-json-request.ts';
import { signedWithSigV4 } from '../wire/sigv4.ts';
import { liveRevokeInput, sendRevoke, sensitiveValuesOf } from './revoke-probe.ts';

const ORIGIN = 'conformance/server/probes/auth.ts';

function authCase(signed: boolean): FixedServerCase {
  return {
    kind: 'scripted',
    id: signed ? 'auth-accepts-signed-call' : 'auth-accepts-unsigned-call',
    title: signed
      ? 'a SigV4-signed RevokeToken (as boto3 sent it before 2023-08) succeeds: a signature is allowed, and it is not checked'
      : 'an unsigned RevokeToken (no Authorization, no X-Amz-Date) succeeds: the operation needs no credentials',
    level: 'must',
    tags: ['S15', 'auth'],
    origin: ORIGIN,
    async run(context) {
      const recorder = new CaseRecorder(context.wire.timeoutMs);
      const input = await liveRevokeInput(context);
      let request = awsJsonRequest(context.wire.endpoint, 'RevokeToken', input);
      if (signed) request = await signedWithSigV4(request, context.wire.endpoint, context.region);
      await sendRevoke(
        context,
        recorder,
        signed ? 'signed call' : 'unsigned call',
        request,
        { kind: 'accepted', rule: 'S15', level: 'must' },
        sensitiveValuesOf(input),
      );
      return recorder;
    },
  };
}

/** Authentication (checklist S15): both ways of calling succeed. @internal */
export const AUTH_CASES: readonly FixedServerCase[] = [authCase(false), authCase(true)];
