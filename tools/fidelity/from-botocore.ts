// Reads the operation description out of botocore's bundled service-2.json, through the
// Python of the project's fidelity venv (tools/python/requirements-fidelity.txt).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../paths.ts';
import {
  type ErrorDescription,
  type Members,
  OPERATION,
  type OperationDescription,
  type StructureDescription,
  sortedRecord,
  sortedValues,
} from './description.ts';

export const FIDELITY_REQUIREMENTS = join(repoRoot, 'tools', 'python', 'requirements-fidelity.txt');
const SCRIPT = join(repoRoot, 'tools', 'fidelity', 'botocore_closure.py');

interface BotocoreMember {
  shape: string;
}

interface BotocoreShape {
  type: string;
  members?: Record<string, BotocoreMember>;
  required?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  sensitive?: boolean;
  enum?: string[];
  exception?: boolean;
  fault?: boolean;
  error?: { httpStatusCode?: number };
}

export interface BotocoreClosure {
  botocoreVersion: string;
  serviceFile: string;
  metadata: { signatureVersion?: string; auth?: string[] };
  operation: {
    input: { shape: string };
    output: { shape: string };
    errors?: { shape: string }[];
    authtype?: string;
    auth?: string[];
  };
  shapes: Record<string, BotocoreShape>;
}

/** The exact version a requirements file pins for `name` (`name==version`). */
export function pinnedVersion(requirementsFile: string, name: string): string {
  const text = readFileSync(requirementsFile, 'utf8');
  const match = new RegExp(`^${name}==([^\\s\\\\;]+)`, 'im').exec(text);
  if (!match) throw new Error(`${requirementsFile} does not pin ${name} with ==`);
  return match[1]!;
}

/** Runs botocore_closure.py with the given interpreter and returns what it printed. */
export function readBotocoreClosure(python: string, operation: string = OPERATION): BotocoreClosure {
  const result = spawnSync(python, [SCRIPT, operation], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`could not run ${python} ${SCRIPT}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${SCRIPT} failed (exit ${result.status}):\n${result.stderr}`);
  return JSON.parse(result.stdout) as BotocoreClosure;
}

function shapeOf(closure: BotocoreClosure, name: string): BotocoreShape {
  const shape = closure.shapes[name];
  if (!shape) throw new Error(`botocore ${closure.botocoreVersion} has no shape ${name}`);
  return shape;
}

function describeMembers(closure: BotocoreClosure, structure: BotocoreShape): Members {
  const required = new Set(structure.required ?? []);
  return sortedRecord(
    Object.entries(structure.members ?? {}).map(([name, member]) => {
      const target = shapeOf(closure, member.shape);
      return [
        name,
        {
          target: member.shape,
          required: required.has(name),
          sensitive: target.sensitive === true,
          lengthMin: target.min ?? null,
          lengthMax: target.max ?? null,
          pattern: target.pattern ?? null,
          enumValues: target.enum ? sortedValues(target.enum) : null,
        },
      ];
    }),
  );
}

function describeStructure(closure: BotocoreClosure, name: string): StructureDescription {
  return { shape: name, members: describeMembers(closure, shapeOf(closure, name)) };
}

function describeError(closure: BotocoreClosure, name: string): ErrorDescription {
  const shape = shapeOf(closure, name);
  if (shape.exception !== true) throw new Error(`botocore lists ${name} as an error, but the shape is not marked "exception"`);
  return {
    // In botocore's format "fault": true marks a server-side error; every other exception is
    // the caller's fault.
    fault: shape.fault === true ? 'server' : 'client',
    httpStatus: shape.error?.httpStatusCode ?? null,
    members: describeMembers(closure, shape),
  };
}

/**
 * botocore resolves auth the same way: the operation's `auth` list first, then its legacy
 * `authtype`, then the service's signature version.
 */
function isSigned(closure: BotocoreClosure): boolean {
  const { auth, authtype } = closure.operation;
  if (auth && auth.length > 0) return auth[0] !== 'smithy.api#noAuth';
  if (authtype !== undefined) return authtype !== 'none';
  return closure.metadata.signatureVersion !== undefined || (closure.metadata.auth?.length ?? 0) > 0;
}

export function describeBotocore(closure: BotocoreClosure, operationName: string = OPERATION): OperationDescription {
  const { operation } = closure;
  return {
    operation: operationName,
    signed: isSigned(closure),
    input: describeStructure(closure, operation.input.shape),
    output: describeStructure(closure, operation.output.shape),
    errors: sortedRecord((operation.errors ?? []).map((error) => [error.shape, describeError(closure, error.shape)])),
  };
}
