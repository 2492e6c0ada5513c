import { mutationVitestConfig } from './vitest-config.ts';

export default mutationVitestConfig('client');
