// computeCoverage on a small hand-written official set and fixtures, one planted problem per
// test, so every way the committed mapping can go wrong is shown to be reported by name.
import { describe, expect, it } from 'vitest';
import type { Fixture } from '../../conformance/fixtures/types.ts';
import type { OfficialCaseSet, OfficialResponseCase } from './cases.ts';
import { citationsOf, computeCoverage, type Exclusions } from './coverage.ts';

const dunderType: OfficialResponseCase = {
  direction: 'response',
  id: 'AwsJson11ExampleDunderType',
  suite: 'Test cases for GreetingWithErrors operation',
  status: 500,
  headers: { 'Content-Type': 'application/x-amz-json-1.1' },
  body: '{"__type":"FooError"}',
  outcome: 'error',
  errorCode: 'FooError',
  errorShapeMembers: [],
};
const timestamps: OfficialResponseCase = { ...dunderType, id: 'parses_example_timestamps', outcome: 'success', status: 200, body: '{"Timestamp":1}' };
const set: OfficialCaseSet = { dir: '(test)', request: [], response: [dunderType, timestamps], botocoreSkips: { request: [], response: [] } };

const citing = (ref: string, body = '{"__type":"InternalErrorException"}'): Fixture =>
  ({
    id: 'RevokeTokenExampleCiting',
    documentation: 'An example.',
    level: 'must',
    since: '2021-06',
    source: { kind: 'smithy-test', ref },
    tags: ['C13'],
    params: { Token: 'fake-refresh-token.example-1', ClientId: 'exampleclient1' },
    response: { code: 500, headers: { 'Content-Type': 'application/x-amz-json-1.1' }, body },
    expect: { outcome: 'error', name: 'InternalErrorException' },
  }) as Fixture;

const excludingTimestamps = (): Exclusions => ({
  excluded: { request: [], response: [{ reason: 'uses a shape RevokeToken does not have: timestamps', cases: ['parses_example_timestamps'] }] },
  differences: [],
  notInSource: {},
});

describe('computeCoverage', () => {
  it('maps a case to the fixture that cites it and carries it, and counts the figures', () => {
    const coverage = computeCoverage(set, [citing('AwsJson11ExampleDunderType (errors.smithy)')], excludingTimestamps());
    expect(coverage.problems).toEqual([]);
    expect(coverage.figures).toEqual({ total: 2, applicable: 1, mapped: 1, adapted: 0, excluded: 1, uncovered: 0 });
    expect(coverage.cases.find((c) => c.id === dunderType.id)).toMatchObject({ status: 'mapped', fixtures: ['RevokeTokenExampleCiting'] });
  });

  it('names an official case that is neither carried nor excluded', () => {
    const coverage = computeCoverage(set, [], excludingTimestamps());
    expect(coverage.problems).toEqual([
      'official response case AwsJson11ExampleDunderType (Test cases for GreetingWithErrors operation) is neither carried by a fixture that cites it nor excluded in exclusions.json',
    ]);
    expect(coverage.figures.uncovered).toBe(1);
  });

  it('names a fixture that cites a case it no longer matches, with the differences', () => {
    const coverage = computeCoverage(set, [citing('AwsJson11ExampleDunderType', '{"code":"InternalErrorException"}')], excludingTimestamps());
    expect(coverage.problems[0]).toMatch(/^fixture RevokeTokenExampleCiting cites AwsJson11ExampleDunderType but does not carry its wire data/);
    expect(coverage.problems[0]).toMatch(/body member __type: the case has "FooError", the fixture nothing/);
  });

  it('accepts a recorded difference as adapted, and reports one that is no longer needed', () => {
    const exclusions = {
      ...excludingTimestamps(),
      differences: [{ fixture: 'RevokeTokenExampleCiting', case: 'AwsJson11ExampleDunderType', reason: 'the code is in `code` on purpose' }],
    };
    const adapted = computeCoverage(set, [citing('AwsJson11ExampleDunderType', '{"code":"InternalErrorException"}')], exclusions);
    expect(adapted.problems).toEqual([]);
    expect(adapted.figures).toMatchObject({ mapped: 0, adapted: 1 });
    const stale = computeCoverage(set, [citing('AwsJson11ExampleDunderType')], exclusions);
    expect(stale.problems).toEqual([
      'exclusions.json records a difference between RevokeTokenExampleCiting and AwsJson11ExampleDunderType, but the fixture now matches the case; drop the entry',
    ]);
  });

  it('reports an exclusion of a case the set does not have, or one a fixture carries', () => {
    const exclusions = excludingTimestamps();
    exclusions.excluded.response[0]!.cases.push('parses_gone');
    exclusions.excluded.response.push({ reason: 'example', cases: ['AwsJson11ExampleDunderType'] });
    const problems = computeCoverage(set, [citing('AwsJson11ExampleDunderType')], exclusions).problems;
    expect(problems).toContain('exclusions.json excludes the response case parses_gone, which the official set does not have');
    expect(problems).toContain(
      'exclusions.json excludes the response case AwsJson11ExampleDunderType, but RevokeTokenExampleCiting carries it; drop the exclusion',
    );
  });

  it('reports a citation of an official-looking id that is in no case, unless listed with a reason', () => {
    const typo = citing('AwsJson11ExampleDunderTyp and AwsJson11ExampleDunderType');
    expect(computeCoverage(set, [typo], excludingTimestamps()).problems[0]).toMatch(
      /^fixture RevokeTokenExampleCiting cites AwsJson11ExampleDunderTyp, which is not an official case/,
    );
    const listed = { ...excludingTimestamps(), notInSource: { AwsJson11ExampleDunderTyp: 'a newer case' } };
    expect(computeCoverage(set, [typo], listed).problems).toEqual([]);
    expect(computeCoverage(set, [citing('AwsJson11ExampleDunderType')], listed).problems).toEqual([
      'exclusions.json lists AwsJson11ExampleDunderTyp as not in the official set, but no fixture cites it; drop the entry',
    ]);
  });

  it('requires every reason to be one non-empty line', () => {
    const exclusions = excludingTimestamps();
    exclusions.excluded.response[0]!.reason = 'two\nlines';
    expect(computeCoverage(set, [citing('AwsJson11ExampleDunderType')], exclusions).problems).toEqual([
      'exclusions.json excluded.response[0]: the reason must be one non-empty line',
    ]);
  });
});

describe('citationsOf', () => {
  it('finds official ids in the ref and ignores other names, even snake_case ones', () => {
    const known = new Set(['AwsJson11ExampleDunderType', 'parses_example_timestamps']);
    expect(citationsOf(citing('parses_example_timestamps; botocore _do_error_parse; AwsJson11Nope'), known)).toEqual({
      cited: ['parses_example_timestamps'],
      unknown: ['AwsJson11Nope'],
    });
  });
});
