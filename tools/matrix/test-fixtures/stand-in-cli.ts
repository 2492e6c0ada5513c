// Stands in for conformance/cli/main.ts in run-lane.test.ts. STAND_IN decides what it does:
// `report` writes a one-result JSON report where --reporter json=<file> says and exits 1;
// `hang` starts a grandchild that would outlive it, writes the grandchild's pid, and never ends.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const reportPath = args.find((a) => a.startsWith('json='))?.slice('json='.length);
if (process.env['STAND_IN'] === 'report') {
  writeFileSync(
    reportPath!,
    JSON.stringify({
      version: 1,
      summary: { implementation: 'stand-in', total: 1 },
      results: [{ id: 'x', kind: 'fixture', level: 'must', classified: { kind: 'pass' }, verdicts: [], replay: args.join(' ') }],
    }),
  );
  process.exit(1);
}
const grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
writeFileSync(process.env['STAND_IN_PID_FILE']!, String(grandchild.pid));
setInterval(() => {}, 1000);
