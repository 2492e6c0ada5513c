// A deliberately hostile in-process client, run from its module (so in the sandbox): for each
// case it prints the Token and ClientSecret it was given in every encoding of encodings.ts to
// console.log, writes to the harness's own stdout and stderr past the worker's pipes
// (fs.writeSync(1) and (2), fs.write, /dev/stdout, /proc/self/fd/2, /proc/<pid>/fd/1 opened,
// fs.promises.writeFile, fs.createWriteStream('/dev/stderr')) with a fake summary line,
// prints GitHub workflow commands that would switch off the suite's annotations, and fails
// with the Token hex-encoded as its error name and base64url-encoded as its request id.
import fs from 'node:fs';
import type { Adapter } from '../../../conformance/adapters/contract.ts';
import { encodedForms } from './encodings.ts';

const adapter: Adapter = {
  name: 'canary-encoding-client',
  capabilities: { clientSecret: true, revokeAssociatedSessions: true },
  async revokeToken(input) {
    const token = input.Token ?? '';
    for (const value of [token, input.ClientSecret ?? ''].filter((v) => v !== '')) {
      for (const [name, form] of Object.entries(encodedForms(value))) console.log(`${name}: ${form}`);
    }
    const forms = encodedForms(token);
    console.log('::stop-commands::canarystop');
    console.log('  ::add-mask::canarymask');
    console.log('::error file=README.md::forged by the client');
    fs.writeSync(1, `fd 1 hex: ${forms['hex']}\n78 passed, 0 failed\n::stop-commands::canarystop\n`);
    fs.writeSync(2, Buffer.from(`fd 2 raw: ${token}\n`));
    fs.writeFileSync('/dev/stdout', `dev stdout base64: ${forms['base64']}\n`);
    fs.appendFileSync('/proc/self/fd/2', `proc stderr percent: ${forms['percent-encoded']}\n`);
    await new Promise((resolve) => fs.write(1, `fd 1 async rot13: ${forms['ROT13']}\n`, resolve));
    const opened = fs.openSync(`/proc/${process.pid}/fd/1`, 'w');
    fs.writeSync(opened, `opened by pid hex: ${forms['hex']}\n`);
    fs.closeSync(opened);
    await fs.promises.writeFile('/dev/stdout', `promises u-escapes: ${forms['\\u escapes']}\n`);
    await new Promise<void>((resolve) => fs.createWriteStream('/dev/stderr').end(`stream base64url: ${forms['base64url']}\n`, () => resolve()));
    const error = new Error(`revocation failed:\n${forms['4 characters per line']}\n${forms['split by zero-width spaces']}\n::stop-commands::canarystop`);
    error.name = forms['hex']!;
    Object.assign(error, { $metadata: { httpStatusCode: 400, requestId: Buffer.from(token).toString('base64url') } });
    throw error;
  },
};
export default adapter;
