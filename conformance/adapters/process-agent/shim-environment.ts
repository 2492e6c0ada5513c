import { devNull } from 'node:os';

const FAKE_ACCESS_KEY_ID = 'AKIDCONFORMANCEFAKE0';
const FAKE_SECRET_ACCESS_KEY = 'conformance-fake-secret-access-key-not-real';

/**
 * The environment a client process starts in: the harness's own without any AWS_ variable
 * (the user's profiles, credentials and retry modes must not leak into the client under
 * test), the endpoint and region in the standard variables, fake credentials, and `extra` on top.
 */
export function shimEnvironment(endpoint: string, region: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('AWS_')) env[key] = value;
  Object.assign(env, {
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: endpoint,
    AWS_ENDPOINT_URL: endpoint,
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    // Fake, so that clients that insist on credentials do not fail for the wrong reason;
    // the suite checks that RevokeToken goes out unsigned all the same.
    AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: FAKE_SECRET_ACCESS_KEY,
    AWS_CONFIG_FILE: devNull,
    AWS_SHARED_CREDENTIALS_FILE: devNull,
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  return { ...env, ...extra };
}
