#!/usr/bin/env node
// The package's `revoketoken-conformance` command (package.json "bin"), compiled to
// dist/conformance/cli/bin.js. A file of its own, because npm starts it through a link in
// node_modules/.bin, where main.ts's "am I the script Node was started with?" test fails.
import { runCli } from './main.ts';
import { quietenSdkNodeVersionWarning } from './quiet-warnings.ts';

quietenSdkNodeVersionWarning();
process.exitCode = await runCli(process.argv.slice(2));
