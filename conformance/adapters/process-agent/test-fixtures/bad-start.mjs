// Fails at start-up in the way argv[2] names.
import { send } from './lib.mjs';

const mode = process.argv[2];
switch (mode) {
  case 'exit':
    process.stderr.write('cannot import the SDK: module not found\n');
    process.exit(1);
    break;
  case 'banner':
    send('Welcome to the fake client!');
    break;
  case 'protocol-2':
    send({ protocol: 2, name: 'future client', capabilities: {} });
    break;
  case 'no-name':
    send({ protocol: 1, capabilities: {} });
    break;
  case 'unknown-capability':
    send({ protocol: 1, name: 'x', capabilities: { teleport: true } });
    break;
  case 'silent':
    break;
  default:
    throw new Error(`unknown mode ${mode}`);
}
// Stay alive (reading stdin) unless told to exit, like a client waiting for work.
process.stdin.resume();
