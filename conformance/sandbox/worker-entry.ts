// The first module of an adapter sandbox (a worker thread). The network guard goes in before
// anything else is loaded, msw and the adapter's module included: only then is the rest of
// the harness side imported (conformance/sandbox/worker-main.ts).
import { installNetworkGuard } from './network-guard.ts';

const guard = installNetworkGuard({ allowed: [] });
const { runSandboxWorker } = await import('./worker-main.ts');
await runSandboxWorker(guard);
