/**
 * The client libraries each in-process built-in drives. The default client's is a dependency
 * of the package; the others are optional peer dependencies, which a project that brings its
 * own adapter never installs. When one is missing, selecting the built-in says what to install.
 */
export const BUILT_IN_NEEDS: Readonly<Record<string, readonly string[]>> = {
  'aws-sdk-v3': ['@aws-sdk/client-cognito-identity-provider'],
  'aws-sdk-v2': ['aws-sdk'],
  // The generated client (generated/client) imports some 28 @aws-sdk/* and @smithy/* runtime
  // packages that the official v3 client no longer brings (its own code moved into
  // @aws-sdk/core and @smithy/core), so they are dependencies of this package; one missing is
  // named on its own (built-in-needs.test.ts keeps the dependencies and the imports in step).
  'smithy-generated': [],
  'amplify-v6': ['@aws-amplify/auth', '@aws-amplify/core'],
};

/** The bare package a "Cannot find package 'x'" error names, without its subpath. */
function packageNamed(error: unknown): string | undefined {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' && e?.code !== 'MODULE_NOT_FOUND') return undefined;
  const quoted = /Cannot find (?:package|module) '([^']+)'/.exec(String(e.message))?.[1];
  if (quoted === undefined || quoted.startsWith('.') || quoted.startsWith('/') || quoted.startsWith('file:')) return undefined;
  const parts = quoted.split('/');
  return quoted.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * When `error` says a package is not installed, the message telling the user what to
 * install (the built-in's client packages; the missing one named first); else undefined.
 */
export function missingPackageOf(error: unknown, needs: readonly string[] = []): string | undefined {
  const missing = packageNamed(error);
  if (missing === undefined) return undefined;
  const install = [...new Set([...(needs.includes(missing) ? [missing] : []), ...needs])];
  const others = needs.includes(missing) || needs.length === 0 ? '' : ` (a package of ${needs.join(', ')})`;
  return `needs ${missing}${others}, which is not installed: npm install --save-dev ${install.length > 0 ? install.join(' ') : missing}`;
}
