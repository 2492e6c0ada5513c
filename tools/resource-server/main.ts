#!/usr/bin/env node
// The matrix's informational lane, "what a resource server sees": serves the reference
// server on 127.0.0.1, signs a user in, revokes the refresh token, and asks GetUser and
// aws-jwt-verify about the access token before and after (observe-revoked-token.ts). Writes
// the observations as JSON (--report). Exit 0 with a report; 2 when the lane could not set
// up or its controls failed, with the reason on stderr.
import { parseArgs } from 'node:util';
import { writeFileAtomically } from '../../conformance/files/write-file-atomically.ts';
import { serveReference } from '../../conformance/server/reference/serve-reference.ts';
import { npmPackageVersion } from '../matrix/versions.ts';
import { repoRoot } from '../paths.ts';
import { findingOf } from './finding.ts';
import type { ResourceServerReport } from './observation.ts';
import { type CallApi, observeRevokedToken } from './observe-revoked-token.ts';
import { awsJwtVerifier } from './offline-verifier.ts';

const USAGE = 'Usage: tsx tools/resource-server/main.ts --report <file.json>';
/** Every request is on loopback to an in-process server: a second is plenty, ten is a hang. */
const CALL_TIMEOUT_MS = 10_000;

function verifierVersion(): string {
  return `aws-jwt-verify ${npmPackageVersion('aws-jwt-verify', repoRoot) ?? 'version unknown'}`;
}

async function main(argv: readonly string[]): Promise<number> {
  let report: string | undefined;
  try {
    ({ report } = parseArgs({ args: [...argv], options: { report: { type: 'string' } }, allowPositionals: false }).values);
  } catch (error) {
    process.stderr.write(`resource-server: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (!report) {
    process.stderr.write(`resource-server: --report is required\n${USAGE}\n`);
    return 2;
  }
  const served = await serveReference();
  try {
    const call: CallApi = async (operation, input) => {
      const response = await fetch(served.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}` },
        body: JSON.stringify(input),
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const fetchJwks = async (poolId: string) => {
      const response = await fetch(`${served.url}/${poolId}/.well-known/jwks.json`, { signal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
      if (response.status !== 200) throw new Error(`the JWKS answered ${response.status}`);
      return response.json();
    };
    const observations = await observeRevokedToken({ call, fetchJwks, makeVerifier: awsJwtVerifier });
    const finding = findingOf(observations);
    if (!finding.meaningful) {
      process.stderr.write(`resource-server: the lane's controls failed: ${finding.reason}\n`);
      return 2;
    }
    const result: ResourceServerReport = { format: 1, verifier: verifierVersion(), server: 'reference', observations };
    writeFileAtomically(report, `${JSON.stringify(result, null, 2)}\n`);
    process.stderr.write(`resource-server: ${finding.sentence}\n`);
    return 0;
  } finally {
    await served.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // No stack: the reason is enough, and nothing here quotes a token.
    process.stderr.write(`resource-server: could not run: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
