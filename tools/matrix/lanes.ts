// Every implementation the matrix runs, one line each. Adding a lane is adding a line: a
// client lane runs when its name is a built-in adapter (conformance/adapters/load.ts), a
// server lane when conformance/server/lanes/<name>.ts exists (or it is the reference server);
// until then the lane shows on the page as skipped, with the note below.

/** Where a lane's pinned version is read from. */
export type VersionSource =
  /** The version field of an installed npm package's package.json. */
  | { npm: string }
  /** `label` and the first capture group of `pattern` in a file of this repository. */
  | { label: string; file: string; pattern: RegExp }
  /** This repository itself (the generated client, the reference server). */
  | { repository: true };

export interface Lane {
  name: string;
  kind: 'client' | 'server';
  /** The arguments after `npm run conformance --`; the matrix adds --strict, a seed and a JSON reporter. */
  args: readonly string[];
  version: VersionSource;
  /** Shown while the lane cannot run yet (its adapter or server lane is not in the tree). */
  pendingNote?: string;
}

export const LANES: readonly Lane[] = [
  { name: 'aws-sdk-v3', kind: 'client', args: ['--adapter', 'aws-sdk-v3'], version: { npm: '@aws-sdk/client-cognito-identity-provider' } },
  { name: 'aws-sdk-v2', kind: 'client', args: ['--adapter', 'aws-sdk-v2'], version: { npm: 'aws-sdk' } },
  {
    name: 'smithy-generated',
    kind: 'client',
    args: ['--adapter', 'smithy-generated'],
    version: { label: 'smithy-typescript-codegen', file: 'tools/smithy/pom.xml', pattern: /<smithy\.typescript\.version>([^<]+)</ },
  },
  {
    name: 'boto3',
    kind: 'client',
    args: ['--adapter', 'boto3'],
    version: { label: 'boto3', file: 'conformance/adapters/shims/boto3/requirements.txt', pattern: /^boto3==(\S+)/m },
  },
  {
    name: 'aws-sdk-go-v2',
    kind: 'client',
    args: ['--adapter', 'aws-sdk-go-v2'],
    version: { label: 'cognitoidentityprovider', file: 'conformance/adapters/shims/aws-sdk-go-v2/go.mod', pattern: /service\/cognitoidentityprovider v(\S+)/ },
  },
  {
    name: 'aws-sdk-java-v2',
    kind: 'client',
    args: ['--adapter', 'aws-sdk-java-v2'],
    version: { label: 'AWS SDK for Java BOM', file: 'conformance/adapters/shims/aws-sdk-java-v2/pom.xml', pattern: /<aws\.sdk\.version>([^<]+)</ },
  },
  {
    name: 'aws-sdk-rust',
    kind: 'client',
    args: ['--adapter', 'aws-sdk-rust'],
    version: {
      label: 'aws-sdk-cognitoidentityprovider',
      file: 'conformance/adapters/shims/aws-sdk-rust/Cargo.toml',
      pattern: /aws-sdk-cognitoidentityprovider\s*=\s*[{"][^\n]*?"=?([\d.]+)"/,
    },
  },
  {
    name: 'aws-sdk-kotlin',
    kind: 'client',
    args: ['--adapter', 'aws-sdk-kotlin'],
    version: { label: 'aws.sdk.kotlin', file: 'conformance/adapters/shims/aws-sdk-kotlin/pom.xml', pattern: /<aws\.sdk\.kotlin\.version>([^<]+)</ },
  },
  {
    name: 'aws-cli-v1',
    kind: 'client',
    args: ['--adapter', 'aws-cli-v1'],
    version: { label: 'awscli', file: 'conformance/adapters/shims/aws-cli/requirements-v1.txt', pattern: /^awscli==(\S+)/m },
  },
  {
    name: 'aws-cli-v2',
    kind: 'client',
    args: ['--adapter', 'aws-cli-v2'],
    version: { label: 'Debian awscli', file: 'conformance/adapters/toolchains/debian-awscli.mjs', pattern: /AWSCLI_V2_VERSION = '([^']+)'/ },
  },
  { name: 'amplify-v6', kind: 'client', args: ['--adapter', 'amplify-v6'], version: { npm: '@aws-amplify/auth' } },
  { name: 'reference', kind: 'server', args: ['--server'], version: { repository: true } },
  { name: 'cognito-local', kind: 'server', args: ['--server', 'cognito-local'], version: { npm: 'cognito-local' } },
  {
    name: 'moto',
    kind: 'server',
    args: ['--server', 'moto'],
    version: { label: 'moto', file: 'conformance/server/lanes/moto/requirements.txt', pattern: /^moto(?:\[[^\]]*\])?==(\S+)/m },
  },
  {
    name: 'ministack',
    kind: 'server',
    args: ['--server', 'ministack'],
    version: { label: 'ministack', file: 'conformance/server/lanes/ministack/requirements.txt', pattern: /^ministack==(\S+)/m },
  },
  // fakecloud (`--server fakecloud`) joins the matrix once its cold build is in the shared cache:
  // until then the lane could not run, and a lane that could not run fails the matrix (decisions/0019, 0020).
];
