// model/revisions.json: the contract's history in machine-readable form (see model/HISTORY.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot as repoRoot } from '../package-root.ts';

export interface RevisionSource {
  type: 'botocore-commit' | 'botocore-release' | 'npm-release' | 'smithy-model' | 'docs';
  ref: string;
  note?: string;
}

export interface Revision {
  id: string;
  date: string;
  changes: string[];
  errors: string[];
  signed: boolean;
  clientSecretMinLength: number;
  revokeAssociatedSessions: boolean;
  sources: RevisionSource[];
  knownClients: string[];
}

export interface RevisionHistory {
  operation: string;
  about: string;
  revisions: Revision[];
}

export const REVISIONS_PATH = join(repoRoot, 'model', 'revisions.json');

export const REVISION_IDS = ['2021-06', '2022-08', '2023-08', '2026-02', '2026-06', '2026-11'] as const;

const SOURCE_TYPES = new Set(['botocore-commit', 'botocore-release', 'npm-release', 'smithy-model', 'docs']);
const REVISION_KEYS = ['id', 'date', 'changes', 'errors', 'signed', 'clientSecretMinLength', 'revokeAssociatedSessions', 'sources', 'knownClients'];

export function loadRevisions(path: string = REVISIONS_PATH): RevisionHistory {
  return JSON.parse(readFileSync(path, 'utf8')) as RevisionHistory;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string' && entry.trim() !== '');
}

/** What a revision changed in the fields this file tracks, compared with the one before. */
export function trackedChanges(before: Revision, after: Revision): string[] {
  const changes: string[] = [];
  for (const name of after.errors) if (!before.errors.includes(name)) changes.push(`+${name}`);
  for (const name of before.errors) if (!after.errors.includes(name)) changes.push(`-${name}`);
  if (before.signed !== after.signed) changes.push(`signed ${before.signed} -> ${after.signed}`);
  if (before.clientSecretMinLength !== after.clientSecretMinLength)
    changes.push(`ClientSecret min ${before.clientSecretMinLength} -> ${after.clientSecretMinLength}`);
  if (before.revokeAssociatedSessions !== after.revokeAssociatedSessions)
    changes.push(`RevokeAssociatedSessions ${after.revokeAssociatedSessions ? 'added' : 'removed'}`);
  return changes;
}

/** Every way the history is malformed, as readable lines; empty when it is well-formed. */
export function revisionProblems(history: RevisionHistory): string[] {
  const problems: string[] = [];
  if (history.operation !== 'com.amazonaws.cognitoidentityprovider#RevokeToken') problems.push('operation must be the RevokeToken shape id');
  if (typeof history.about !== 'string' || history.about.trim() === '') problems.push('about must explain the fields');
  if (!Array.isArray(history.revisions)) return [...problems, 'revisions must be an array'];
  const ids = history.revisions.map((revision) => revision?.id);
  if (JSON.stringify(ids) !== JSON.stringify(REVISION_IDS))
    problems.push(`revision ids must be, in order, ${REVISION_IDS.join(', ')}; found ${ids.join(', ')}`);

  history.revisions.forEach((revision, index) => {
    const where = `revision ${revision?.id ?? index}`;
    const keys = Object.keys(revision ?? {}).sort();
    if (JSON.stringify(keys) !== JSON.stringify([...REVISION_KEYS].sort())) problems.push(`${where}: fields must be exactly ${REVISION_KEYS.join(', ')}`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(revision.date) || Number.isNaN(Date.parse(revision.date))) problems.push(`${where}: date must be YYYY-MM-DD`);
    else if (!revision.date.startsWith(revision.id)) problems.push(`${where}: date ${revision.date} is not in the month its id names`);
    const previous = history.revisions[index - 1];
    if (previous && !(previous.date < revision.date)) problems.push(`${where}: dates must increase`);
    if (!isStringArray(revision.changes) || revision.changes.length === 0) problems.push(`${where}: changes must list what changed`);
    if (!isStringArray(revision.errors) || revision.errors.length === 0) problems.push(`${where}: errors must be a non-empty list of names`);
    else if (JSON.stringify(revision.errors) !== JSON.stringify([...new Set(revision.errors)].sort()))
      problems.push(`${where}: errors must be sorted and unique`);
    if (typeof revision.signed !== 'boolean') problems.push(`${where}: signed must be true or false`);
    if (typeof revision.revokeAssociatedSessions !== 'boolean') problems.push(`${where}: revokeAssociatedSessions must be true or false`);
    if (!Number.isInteger(revision.clientSecretMinLength) || revision.clientSecretMinLength < 1 || revision.clientSecretMinLength > 64) {
      problems.push(`${where}: clientSecretMinLength must be an integer from 1 to 64`);
    }
    if (!Array.isArray(revision.sources) || revision.sources.length === 0) problems.push(`${where}: sources must say where the facts come from`);
    else {
      for (const source of revision.sources) {
        if (!SOURCE_TYPES.has(source.type) || typeof source.ref !== 'string' || source.ref === '')
          problems.push(`${where}: source ${JSON.stringify(source)} needs a known type and a ref`);
      }
    }
    if (!Array.isArray(revision.knownClients) || !revision.knownClients.every((client) => typeof client === 'string'))
      problems.push(`${where}: knownClients must be a list of strings`);
    if (previous && isStringArray(previous.errors) && isStringArray(revision.errors) && trackedChanges(previous, revision).length === 0) {
      problems.push(`${where}: changes none of errors, signed, clientSecretMinLength, revokeAssociatedSessions; it is not a revision`);
    }
  });
  return problems;
}
