// The normalized description of one operation that every source (our Smithy model, botocore's
// service-2.json, the npm client) is reduced to before comparison. It keeps what a client or
// server of the operation must agree on and drops what is only presentation:
//   - documentation (the prose in model/ is deliberately our own);
//   - the order of the error list (no source gives it meaning; botocore's is not alphabetical);
//   - shape names of targets that a source does not name (null, not a guess).
// A null value always means "this source does not state it".

export interface MemberDescription {
  /** Name of the member's target shape, without namespace; null if the source leaves it unnamed. */
  target: string | null;
  required: boolean;
  sensitive: boolean;
  lengthMin: number | null;
  lengthMax: number | null;
  pattern: string | null;
  /** Sorted enum values, or null if the target is not an enum. */
  enumValues: string[] | null;
}

export type Members = Record<string, MemberDescription>;

export interface StructureDescription {
  shape: string;
  members: Members;
}

export interface ErrorDescription {
  fault: 'client' | 'server';
  /** The status code the source declares for the error; null when it declares none. */
  httpStatus: number | null;
  members: Members;
}

export interface OperationDescription {
  operation: string;
  /** Whether a client SigV4-signs the call (false: sent without AWS credentials). */
  signed: boolean;
  input: StructureDescription;
  output: StructureDescription;
  errors: Record<string, ErrorDescription>;
}

/** The operation whose closure this project describes. */
export const OPERATION = 'RevokeToken';

/** Object with keys in sorted order, so descriptions print and compare stably. */
export function sortedRecord<T>(entries: Iterable<[string, T]>): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function sortedValues(values: Iterable<string>): string[] {
  return [...values].sort();
}
