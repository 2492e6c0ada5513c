import { CLIENT_CHECKS } from '../checks/index.ts';
import type { Check } from '../judging/check.ts';
import { CLIENT_SEQUENCES } from '../properties/call-sequences.ts';
import { CLIENT_PROPERTIES } from '../properties/index.ts';
import { type Direction, isRuleId, RULES, type Rule, ruleById } from '../rules/registry.ts';
import type { FixtureWithFile } from '../run/runner.ts';
import { BROKEN_SERVERS } from '../self-test/broken-servers.ts';
import { BROKEN_SHIMS } from '../self-test/broken-shims.ts';
import { MUTANTS } from '../self-test/mutants.ts';
import { SERVER_CHECKS } from '../server/checks/index.ts';
import { SERVER_CASES } from '../server/server-cases.ts';
import { UsageError } from './flags.ts';

/** A rule's level, in words. */
function describeLevel(rule: Rule): string {
  switch (rule.level) {
    case 'per case':
      return 'per case: the level of the case it is judged in';
    case 'informational':
      return 'informational: reported, never counted';
    default:
      return rule.level;
  }
}

function listed(ids: readonly string[], limit = 12): string {
  if (ids.length === 0) return '(none)';
  return `${ids.slice(0, limit).join(', ')}${ids.length > limit ? `, and ${ids.length - limit} more` : ''}`;
}

/**
 * `--explain <rule>`: everything about one rule in a few lines: what it asks and where that
 * comes from, the check that judges it, the cases that exercise it (by their tags), and the
 * broken implementation that proves the check can fail.
 */
export function explainRule(id: string, fixtures: readonly FixtureWithFile[]): string {
  if (!isRuleId(id)) throw new UsageError(`--explain ${id}: not a rule of the suite (${RULES.map((r) => r.id).join(', ')})`);
  const rule = ruleById(id);
  const checks = ([...CLIENT_CHECKS, ...SERVER_CHECKS] as readonly Check<unknown>[]).filter((check) => (check.rules as readonly string[]).includes(id));
  const tagged = <T extends { id: string; tags: readonly string[] }>(cases: readonly T[]) => cases.filter((c) => c.tags.includes(id)).map((c) => c.id);
  const cases =
    rule.direction === 'client'
      ? [
          `fixtures (${tagged(fixtures).length}): ${listed(tagged(fixtures))}`,
          `properties: ${listed(tagged(CLIENT_PROPERTIES))}`,
          `sequences: ${listed(tagged(CLIENT_SEQUENCES))}`,
        ]
      : [`server cases (${tagged(SERVER_CASES).length}): ${listed(tagged(SERVER_CASES))}`];
  const selfTests =
    rule.direction === 'client'
      ? [
          ...MUTANTS.filter((m) => m.caughtBy === id).map((m) => `conformance/self-test/mutants.ts: ${m.id}${m.strict ? ' (with --strict)' : ''}`),
          ...BROKEN_SHIMS.filter((s) => s.rule === id).map((s) => `${s.module}: ${s.fault}`),
        ]
      : BROKEN_SERVERS.filter((b) => b.rule === id).map((b) => `conformance/self-test/broken-servers.ts: ${b.name} (${b.fault})`);
  const lines = [
    `${rule.id}  ${rule.title}`,
    `  direction  ${rule.direction}, area ${rule.area}`,
    `  level      ${describeLevel(rule)}`,
    `  source     ${rule.source}`,
    `  checked in ${rule.checkFile}${checks.length > 0 ? ` (${checks.map((c) => c.name).join(', ')})` : ' (reported by the runner, not by a check)'}`,
    `  cases      ${cases.join('\n             ')}`,
    '             (a check judges every case it applies to; these are the cases tagged with the rule)',
    `  self-test  ${selfTests.length > 0 ? selfTests.join('\n             ') : rule.level === 'informational' ? '(none: informational rules never fail a run)' : '(none)'}`,
  ];
  return lines.join('\n');
}

/** `--list --rules`: one line a rule of one direction. */
export function listRules(direction: Direction): string {
  return RULES.filter((rule) => rule.direction === direction)
    .map((rule) => `${rule.id.padEnd(4)} [${rule.level}] ${rule.area}: ${rule.title}`)
    .join('\n');
}
