// Stands in for tools/resource-server/main.ts in run-informational.test.ts. STAND_IN decides:
// `gap` writes the reference server's observations (the verifier accepts the revoked token)
// and exits 0; `no-control` writes observations whose edited-token control failed; `broken`
// exits 2 without a report, as a lane whose package is missing does.
import { writeFileSync } from 'node:fs';

const report = process.argv[process.argv.indexOf('--report') + 1]!;
const seen = (edited: 'accepted' | 'refused') => ({
  'api-before-revoke': 'accepted',
  'verifier-before-revoke': 'accepted',
  'revoke-token': 'accepted',
  'api-after-revoke': 'refused',
  'verifier-after-revoke': 'accepted',
  'verifier-id-token-after-revoke': 'accepted',
  'verifier-edited-token': edited,
});
const observations = (edited: 'accepted' | 'refused') =>
  Object.entries(seen(edited)).map(([id, s]) => ({
    id,
    judge: id.startsWith('verifier') ? 'JWT verifier' : 'user-pool API',
    step: id,
    seen: s,
    detail: 'stand-in',
  }));
const mode = process.env['STAND_IN'];
if (mode === 'broken') {
  process.stderr.write("Cannot find package 'aws-jwt-verify'\n");
  process.exit(2);
}
writeFileSync(
  report,
  JSON.stringify({ format: 1, verifier: 'stand-in', server: 'reference', observations: observations(mode === 'no-control' ? 'accepted' : 'refused') }),
);
