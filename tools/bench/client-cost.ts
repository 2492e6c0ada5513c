import { CognitoIdentityProviderClient, RevokeTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { HttpResponse } from '@smithy/protocol-http';
import v3 from '../../conformance/adapters/aws-sdk-v3.ts';
import { resolveCapabilities } from '../../conformance/adapters/contract.ts';
import { CLIENT_CHECKS } from '../../conformance/checks/index.ts';
import type { Case } from '../../conformance/fixtures/case.ts';
import { type CaseExecutor, judgeExecution, type RunEnvironment, runCase } from '../../conformance/run/run-case.ts';
import { FakeService } from '../../conformance/wire/fake-service.ts';

const params = { Token: 'fake-refresh-token.example-1', ClientId: 'exampleclient1' };
const successBody = new TextEncoder().encode('{}');

/** The lower bound: the same client and call, answered by an in-memory handler (no msw, no checks). */
export async function lowerBoundCall(): Promise<void> {
  const client = new CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint: 'https://cognito-idp.us-east-1.amazonaws.com',
    credentials: { accessKeyId: 'AKIDFAKEFORCONFORMANCE', secretAccessKey: 'fake-secret-for-conformance' },
    requestHandler: {
      handle: async () => ({ response: new HttpResponse({ statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: successBody }) }),
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
      destroy() {},
    } as never,
  });
  try {
    await client.send(new RevokeTokenCommand(params));
  } finally {
    client.destroy();
  }
}

const service = new FakeService('intercepted');
const env: RunEnvironment = {
  adapter: v3,
  capabilities: resolveCapabilities(v3),
  service,
  endpoint: 'https://cognito-idp.us-east-1.amazonaws.com',
  region: 'us-east-1',
  checks: CLIENT_CHECKS,
  fakeTime: true,
  caseTimeoutMs: 10_000,
  offerDirectFetch: true,
};
export const successCase: Case = {
  id: 'bench-success',
  level: 'must',
  tags: [],
  params,
  response: { code: 200, headers: { 'Content-Type': 'application/x-amz-json-1.1' }, body: '{}' },
  expect: { outcome: 'success' },
  origin: { kind: 'fixture', file: 'bench' },
};

/** One suite case: the v3 adapter through the fake service, judged by every check. */
export async function suiteCase(): Promise<void> {
  const result = await runCase(successCase, env);
  if (result.status !== 'pass') throw new Error(`bench case failed: ${JSON.stringify(result.verdicts)}`);
}

/** The same case run as the CLI runs `--adapter` modules: executed in the sandbox's worker, judged here. */
export function isolatedSuiteCase(executor: CaseExecutor): () => Promise<void> {
  return async () => {
    const record = await executor.execute(successCase, { caseTimeoutMs: 10_000 });
    const result = judgeExecution(successCase, record, env);
    if (result.status !== 'pass') throw new Error(`isolated bench case failed: ${JSON.stringify(result.verdicts)}`);
  };
}
