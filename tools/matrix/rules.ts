// The one place the matrix learns about rules: ids, titles and fixed levels come from the
// rule registry (conformance/rules/registry.ts); the groups are the README's rule tables.
import { CLIENT_PROPERTIES } from '../../conformance/properties/index.ts';
import { RULES } from '../../conformance/rules/registry.ts';

export type Level = 'must' | 'should';
export type Side = 'client' | 'server';

export interface RuleInfo {
  id: string;
  title: string;
  /** Levels the code fixes for the rule; empty when the level is the case's own (then the page shows the levels seen). */
  levels: Level[];
}

export interface RuleGroup {
  id: string;
  side: Side;
  title: string;
  /** Informational rules are reported, never counted (U1-U3). */
  informational?: boolean;
  rules: RuleInfo[];
}

/** The areas of the README's rule tables, in its order. */
const GROUPS: ReadonlyArray<{ id: string; side: Side; title: string; members: RegExp; informational?: boolean }> = [
  { id: 'request', side: 'client', title: 'C1-C6 request line and headers', members: /^C[1-6]$/ },
  { id: 'body', side: 'client', title: 'C8-C11 body', members: /^C([89]|1[01])$/ },
  { id: 'resolve-reject', side: 'client', title: 'C12-C13 resolve and reject', members: /^C1[23]$/ },
  { id: 'error-names', side: 'client', title: 'C14-C22 error names', members: /^C(1[4-9]|20|22)$/ },
  { id: 'message-metadata', side: 'client', title: 'C21, C23, C24 message, non-JSON bodies, metadata', members: /^C(21|23|24)$/ },
  { id: 'adapter', side: 'client', title: 'A1-A4 one request, cancellation, retries, settling', members: /^A\d+$/ },
  { id: 'fixture', side: 'client', title: "F1 the fixture's own request expectations", members: /^F\d+$/ },
  { id: 'protocol', side: 'server', title: 'S1-S17 awsJson 1.1 server rules', members: /^S\d+$/ },
  { id: 'privacy', side: 'server', title: 'P1-P2 sensitive values', members: /^P\d+$/ },
  { id: 'harness', side: 'server', title: 'H1-H2 the harness could talk to the server', members: /^H\d+$/ },
  { id: 'semantics', side: 'server', title: 'R1-R15 revocation semantics', members: /^R\d+$/ },
  { id: 'unverified', side: 'server', title: 'U1-U3 unverified behaviour (informational)', members: /^U\d+$/, informational: true },
];

function allRules(): RuleInfo[] {
  return RULES.map((rule) => ({ id: rule.id, title: rule.title, levels: rule.level === 'must' || rule.level === 'should' ? [rule.level] : [] }));
}

const ruleNumber = (id: string) => Number(id.replace(/^\D+/, ''));

/** Every rule, grouped as the README groups them, numbered order within a group. */
export function ruleGroups(): RuleGroup[] {
  const all = allRules();
  return GROUPS.map(({ members, ...group }) => ({
    ...group,
    rules: all.filter((rule) => members.test(rule.id)).sort((a, b) => ruleNumber(a.id) - ruleNumber(b.id)),
  }));
}

/**
 * The rules a client property covers (its rule tags). A property that passes reports no
 * verdicts, so this is how a passing property counts for its rules.
 */
export function rulesOfProperty(propertyId: string): string[] {
  const property = CLIENT_PROPERTIES.find((p) => p.id === propertyId);
  return property ? property.tags.filter((tag) => /^[A-Z]\d+$/.test(tag)) : [];
}
