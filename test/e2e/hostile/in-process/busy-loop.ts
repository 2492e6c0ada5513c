import { hostile } from './base.ts';

export default hostile('busy-loop', () => {
  for (;;) {
    // Never yields: only the harness's watchdog can end this.
  }
});
