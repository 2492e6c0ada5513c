// `npm run test:failing`: the same integration against a client with one fault, to see what a
// failure looks like. Its file is not a *.test.ts, so `npm test` leaves it out.
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['failing/*.check.ts'] } });
