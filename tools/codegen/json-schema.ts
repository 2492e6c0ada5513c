import type { SmithyAst } from './smithy-build.ts';
// Placeholder until the JSON Schema generator lands.
export function buildSchemaFiles(_model: SmithyAst): Map<string, string> {
  return new Map();
}
