// The vitest integration given a path to a TypeScript adapter, in the user's project (a
// CommonJS one, as `npm init -y` makes): the suite loads the .ts file itself.
import { describeConformance } from 'revoketoken-conformance/vitest';

describeConformance('./typed-adapter.ts', { filters: ['C4'] });
