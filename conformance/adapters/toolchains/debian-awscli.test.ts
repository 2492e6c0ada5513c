// Debian's awscli for the aws-cli-v2 lane. .ci/run installs it first (node
// conformance/adapters/toolchains/debian-awscli.mjs), so here it is only found, never installed.
import { describe, expect, it } from 'vitest';
import { AWSCLI_V2_VERSION, DEBIAN_PYTHON, ensureDebianAwscli, installedAwscliVersion } from './debian-awscli.mjs';

describe("Debian's awscli", () => {
  it('is installed at the pinned version, and found without running apt-get again', () => {
    expect(installedAwscliVersion()).toBe(AWSCLI_V2_VERSION);
    const lines: string[] = [];
    expect(ensureDebianAwscli({ log: (line) => lines.push(line) })).toEqual({ python: DEBIAN_PYTHON, version: '2.9.19', installed: false });
    expect(lines).toEqual([]);
  });
});
