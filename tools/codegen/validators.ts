// Placeholder until the validator generator lands.
export function buildValidatorFiles(_schemas: Map<string, string>): Map<string, string> {
  return new Map();
}
