import { existsSync } from 'node:fs';
import { CLIENT_CHECKS } from '../checks/index.ts';
import { fromWorkingDirectory, shippedFile } from '../files/shipped-file.ts';
import { VOCABULARY } from '../fixtures/lint-rules/vocabulary.ts';
import type { Check } from '../judging/check.ts';
import { CLIENT_SEQUENCES } from '../properties/call-sequences.ts';
import { CLIENT_PROPERTIES } from '../properties/index.ts';
import { type Direction, isRuleId, RULES, type Rule, ruleById } from '../rules/registry.ts';
import type { FixtureWithFile } from '../run/runner.ts';
import { fixtureToCase } from '../run/runner.ts';
import { BROKEN_SERVERS } from '../self-test/broken-servers.ts';
import { BROKEN_SHIMS } from '../self-test/broken-shims.ts';
import { MUTANTS } from '../self-test/mutants.ts';
import { SERVER_CHECKS } from '../server/checks/index.ts';
import { SERVER_CASES } from '../server/server-cases.ts';
import { closeMatches } from './close-matches.ts';
import { UsageError } from './flags.ts';
import { MEASURED_CLIENTS, type Measurement, measureCase, measureProperty, PROPERTY_SAMPLES } from './rules-judged.ts';

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
 * A file of this package as the user can open it from where they run: the repository path in a
 * clone, `node_modules/revoketoken-conformance/dist/....js` in an installed package, and for a
 * file only the repository has, its repository path saying so.
 */
function where(repositoryPath: string): string {
  const file = shippedFile(repositoryPath);
  return existsSync(file) ? fromWorkingDirectory(file) : `${repositoryPath} (in the repository; not in the installed package)`;
}

/**
 * `--explain <rule>`: everything about one rule in a few lines: what it asks and where that
 * comes from, the check that judges it, the cases that exercise it (by their tags), and the
 * broken implementation that proves the check can fail.
 */
export function explainRule(word: string, fixtures: readonly FixtureWithFile[]): string {
  const id = RULES.find((r) => r.id.toLowerCase() === word.toLowerCase())?.id;
  if (id === undefined || !isRuleId(id)) throw new UsageError(`--explain ${word}: not a rule of the suite (${RULES.map((r) => r.id).join(', ')})`);
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
          ...MUTANTS.filter((m) => m.caughtBy === id).map((m) => `${where('conformance/self-test/mutants.ts')}: ${m.id}${m.strict ? ' (with --strict)' : ''}`),
          ...BROKEN_SHIMS.filter((s) => s.rule === id).map((s) => `${where(s.module)}: ${s.fault}`),
        ]
      : BROKEN_SERVERS.filter((b) => b.rule === id).map((b) => `${where('conformance/self-test/broken-servers.ts')}: ${b.name} (${b.fault})`);
  const lines = [
    `${rule.id}  ${rule.title}`,
    `  direction  ${rule.direction}, area ${rule.area}`,
    `  level      ${describeLevel(rule)}`,
    `  source     ${rule.source}`,
    `  checked in ${where(rule.checkFile)}${checks.length > 0 ? ` (${checks.map((c) => c.name).join(', ')})` : ' (reported by the runner, not by a check)'}`,
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

/** A word of `--explain` matched case-insensitively against one list of ids. */
function find<T>(word: string, items: readonly T[], idOf: (item: T) => string): T | undefined {
  const lower = word.toLowerCase();
  return items.find((item) => idOf(item).toLowerCase() === lower);
}

/** Every tag `--explain` knows: the fixture vocabulary's and the properties' and server cases' own. */
function knownTags(fixtures: readonly FixtureWithFile[]): string[] {
  const all = [...Object.keys(VOCABULARY.tags), ...[...fixtures, ...CLIENT_PROPERTIES, ...SERVER_CASES].flatMap((c) => c.tags)];
  return [...new Set(all)];
}

/**
 * `--explain <word>`: a rule id or a tag (`C14`, `c14`, `C25`, `wire-header`), a fixture id or
 * a property id (any case), or a server case's id. Rules and tags print what judges them and
 * which cases exercise them; a case prints the rules it judges, declared (its tags) and
 * measured (the checks that apply to it). An unknown word is a usage error naming the close
 * matches.
 */
export function explain(word: string, fixtures: readonly FixtureWithFile[]): string {
  const rule = find(word, RULES, (r) => r.id);
  if (rule) return explainRule(rule.id, fixtures);
  const fixture = find(word, fixtures, (f) => f.id);
  if (fixture) return explainFixture(fixture);
  const property = find(word, CLIENT_PROPERTIES, (p) => p.id);
  if (property) return explainProperty(property);
  const serverCase = find(word, SERVER_CASES, (c) => c.id);
  if (serverCase) {
    return [
      `${serverCase.id}  server case`,
      `  declared   ${serverCase.tags.filter(isRuleId).join(', ') || '(no rule tags)'} (the rule tags the case carries)`,
      '  measured   (server cases are judged answer by answer as the run goes; run it with --filter to see its verdicts)',
    ].join('\n');
  }
  const tag = find(word, knownTags(fixtures), (t) => t);
  if (tag) return explainTag(tag, fixtures);
  const words = [
    ...RULES.map((r) => r.id),
    ...knownTags(fixtures),
    ...fixtures.map((f) => f.id),
    ...CLIENT_PROPERTIES.map((p) => p.id),
    ...SERVER_CASES.map((c) => c.id),
  ];
  const near = closeMatches(word, [...new Set(words)]);
  throw new UsageError(
    `--explain ${word}: not a rule, tag, fixture, property or server case of the suite${near.length > 0 ? `; did you mean ${near.join(', ')}?` : ''} (--list --rules lists the rules, --list the cases)`,
  );
}

function ruleLine(id: string): string {
  return isRuleId(id) ? `${id.padEnd(4)} ${ruleById(id).title}` : id;
}

/** The measured rules, one a line: which kinds of client they are judged for, and on how many of the sampled cases. */
function measuredLines(measurement: Measurement): string[] {
  const lines = measurement.rules.map(({ rule, counts }) => {
    const applicable = counts.map((count, index) => ({ count, index })).filter(({ index }) => measurement.notApplicable[index] === undefined);
    const judgedFor = applicable.filter(({ count }) => count > 0);
    const only = judgedFor.length < applicable.length ? ` (for ${judgedFor.map(({ index }) => MEASURED_CLIENTS[index]!.label).join(' and ')} only)` : '';
    const share =
      measurement.of > 1 ? ` [${[...new Set(judgedFor.map(({ count }) => count))].map((count) => `${count}/${measurement.of}`).join(', ')} cases]` : '';
    return `${ruleLine(rule)}${share}${only}`;
  });
  const skipped = measurement.notApplicable.flatMap((reason, index) =>
    reason === undefined ? [] : [`(not measured for ${MEASURED_CLIENTS[index]!.label}: ${reason})`],
  );
  return [...lines, ...skipped];
}

function caseLines(header: string, declared: readonly string[], measurement: Measurement, measuredHow: string): string {
  const measured = new Set(measurement.rules.map((r) => r.rule));
  const declaredRules = declared.filter(isRuleId);
  const declaredTags = declared.filter((t) => !isRuleId(t) && VOCABULARY.tags[t]?.group === 'checklist');
  const notMeasured = declaredRules.filter((r) => !measured.has(r));
  return [
    header,
    `  declared   ${declaredRules.join(', ') || '(no rule tags)'} (the rule tags the case carries${declaredTags.length > 0 ? `; ${declaredTags.join(', ')}: checklist tags judged through other rules` : ''})`,
    `  measured   ${measuredHow}:`,
    ...measuredLines(measurement).map((line) => `             ${line}`),
    ...(notMeasured.length > 0 ? [`  note       tagged but not judged on this case: ${notMeasured.join(', ')}`] : []),
    `  more       --explain <rule> for a rule's check, cases and self-test`,
  ].join('\n');
}

function explainFixture(fixture: FixtureWithFile): string {
  return caseLines(
    `${fixture.id}  fixture [${fixture.level}]  ${where(fixture.file)}`,
    fixture.tags,
    measureCase(fixtureToCase(fixture)),
    "the rules the suite's checks judge on it, given a conforming client's exchange",
  );
}

function explainProperty(property: (typeof CLIENT_PROPERTIES)[number]): string {
  return caseLines(
    `${property.id}  property [${property.level}]  ${property.title}`,
    property.tags,
    measureProperty(property),
    `the rules the suite's checks judge across ${PROPERTY_SAMPLES} of its generated cases (seed 0), given a conforming client's exchange`,
  );
}

/** A tag that is not a rule id (C25, wire-header...): what it means, which cases carry it, and which rules judge them. */
function explainTag(tag: string, fixtures: readonly FixtureWithFile[]): string {
  const definition = VOCABULARY.tags[tag];
  const tagged = fixtures.filter((f) => f.tags.includes(tag));
  const properties = CLIENT_PROPERTIES.filter((p) => p.tags.includes(tag));
  const serverCases = SERVER_CASES.filter((c) => c.tags.includes(tag));
  const judged = new Map<string, number>();
  for (const f of tagged) for (const { rule } of measureCase(fixtureToCase(f)).rules) judged.set(rule, (judged.get(rule) ?? 0) + 1);
  const lines = [
    `${tag}  tag${definition ? ` (${definition.group}): ${definition.meaning}` : ''}`,
    '  a tag, not a rule of its own: the rules below judge the cases that carry it',
    `  fixtures (${tagged.length}): ${listed(tagged.map((f) => f.id))}`,
    `  properties: ${listed(properties.map((p) => p.id))}`,
    ...(serverCases.length > 0 ? [`  server cases: ${listed(serverCases.map((c) => c.id))}`] : []),
    `  measured   the rules the suite's checks judge on those fixtures (a conforming client's exchange, with or without retries):`,
    ...(judged.size === 0
      ? ['             (no fixture carries it)']
      : [...judged].map(([rule, count]) => `             ${ruleLine(rule)} [${count}/${tagged.length} fixtures]`)),
  ];
  return lines.join('\n');
}
