// Lanes that are neither a client nor a server column: they show something about the
// ecosystem around RevokeToken, as information with its sources, never counted and never a
// failure. Each runs its own script (through bounded-child.ts), which writes a
// ResourceServerReport (tools/resource-server/observation.ts) and exits 0, or 2 when it
// could not run.

import type { VersionSource } from './lanes.ts';
import type { UpstreamLink } from './upstream-links.ts';

export interface InformationalLane {
  name: string;
  /** The question the lane answers, as the page's heading. */
  title: string;
  /** Relative to the repository, run with tsx; takes `--report <file>`. */
  script: string;
  version: VersionSource;
  /** Why the finding is expected, each with an address. */
  sources: readonly UpstreamLink[];
}

export const INFORMATIONAL_LANES: readonly InformationalLane[] = [
  {
    name: 'aws-jwt-verify',
    title: 'What a resource server sees: a revoked access token, checked offline',
    script: 'tools/resource-server/main.ts',
    version: { npm: 'aws-jwt-verify' },
    sources: [
      { label: 'awslabs/aws-jwt-verify#151', url: 'https://github.com/awslabs/aws-jwt-verify/issues/151' },
      { label: 'awslabs/aws-jwt-verify#170', url: 'https://github.com/awslabs/aws-jwt-verify/issues/170' },
      { label: 'aws-amplify/amplify-js#3435', url: 'https://github.com/aws-amplify/amplify-js/issues/3435' },
      { label: 'aws/aws-appsync-community#298', url: 'https://github.com/aws/aws-appsync-community/issues/298' },
      { label: 'RFC 7009 section 3', url: 'https://www.rfc-editor.org/rfc/rfc7009#section-3' },
    ],
  },
];
