// Takes FAKE_START_DELAY_MS (default 500) before printing its capabilities line.
import { ok, serve } from './lib.mjs';

setTimeout(() => serve((request) => ok(request)), Number(process.env.FAKE_START_DELAY_MS ?? 500));
