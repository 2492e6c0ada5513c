/**
 * The v3 SDK warns on every Node 20 start that its 2027 releases need Node 22. It says nothing
 * about the client under test and would be the first line of every quiet run; other warnings
 * still print.
 */
export function quietenSdkNodeVersionWarning(): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (!warning.message.startsWith('NodeVersionSupportWarning')) process.stderr.write(`${warning.name}: ${warning.message}\n`);
  });
}
