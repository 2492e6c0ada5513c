import { hostile } from './base.ts';

export default hostile('exits', () => process.exit(0));
