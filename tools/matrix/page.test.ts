// The page's HTML as text: the sections issue 22 added (the browser tests are in site.test.ts).
import { describe, expect, it } from 'vitest';
import { buildMatrix } from './collect.ts';
import { RULE_CONSEQUENCES } from './consequences.ts';
import { INFORMATIONAL_LANES } from './informational-lanes.ts';
import type { InformationalColumn, MatrixData } from './matrix-data.ts';
import { renderPage } from './page.ts';
import { ruleGroups } from './rules.ts';
import { keepLastGood } from './stale.ts';
import { smallMatrix } from './test-fixtures/small-matrix.ts';

const jwtLane: InformationalColumn = {
  name: 'aws-jwt-verify',
  title: INFORMATIONAL_LANES[0]!.title,
  version: 'aws-jwt-verify 5.2.1',
  state: 'ran',
  notes: [],
  finding: 'After sign-out (RevokeToken), GetUser refuses the access token, but the JWT verifier still accepts it offline until it expires.',
  observations: [
    { id: 'api-after-revoke', judge: 'user-pool API', step: 'GetUser after sign-out', seen: 'refused', detail: 'GetUser answered 400 NotAuthorizedException' },
    { id: 'verifier-after-revoke', judge: 'JWT verifier', step: 'the verifier after sign-out', seen: 'accepted', detail: 'signature checks out' },
  ],
  sources: [...INFORMATIONAL_LANES[0]!.sources],
};

function withExtras(): MatrixData {
  const small = smallMatrix();
  const stale = keepLastGood(
    { column: { name: 'old-emulator', kind: 'server', version: 'old 2.0', state: 'error', notes: ['could not run: no result within 900 s'] }, cells: {} },
    {
      name: 'old-emulator',
      kind: 'server',
      version: 'old 1.0',
      state: 'ran',
      must: { passed: 1, total: 2 },
      should: { passed: 0, total: 0 },
      expected: ['R3'],
      unexpected: [],
      passing: ['H1'],
    },
  );
  const staleData = buildMatrix(ruleGroups(), [stale], small.seed);
  return {
    ...small,
    lanes: [...small.lanes, ...staleData.lanes],
    cells: { ...small.cells, ...staleData.cells },
    informational: [jwtLane],
  };
}

describe('the matrix page', () => {
  const html = renderPage(withExtras());

  it('answers "what would my sign-out tests miss" for each server with a result, stale ones included', () => {
    const section = html.slice(html.indexOf('<section id="emulators">'));
    expect(section).toContain('<li data-lane="small-server">');
    expect(section).toContain(`<li data-lane="old-emulator"><b>old-emulator</b> <span class="lane-version">old 1.0, stale</span>`);
    expect(section).toContain(RULE_CONSEQUENCES['R3']!.words);
  });

  it('shows the informational lane apart, as information with its finding, observations and linked sources', () => {
    const section = html.slice(html.indexOf('<section class="informational" id="informational-aws-jwt-verify"'));
    expect(section).toContain('informational, never counted');
    expect(section).toContain('but the JWT verifier still accepts it offline');
    expect(section).toContain('<tr data-observation="verifier-after-revoke" class="seen-accepted">');
    expect(section).toContain('<a href="https://github.com/awslabs/aws-jwt-verify/issues/151"');
    expect(section).toContain('<a href="https://www.rfc-editor.org/rfc/rfc7009#section-3"');
    // Never a cell of the server table, so never a failure.
    expect(html).not.toContain('data-lane="aws-jwt-verify" data-rule');
  });

  it("keeps a stale column's cells and counts, marked stale, instead of blanking it", () => {
    expect(html).toMatch(/<th scope="col" class="lane lane-stale" data-lane="old-emulator">.*stale: last good result/);
    expect(html).toContain('class="cell status-expected stale" data-lane="old-emulator" data-rule="R3"');
    expect(html).toContain('class="cell status-pass stale" data-lane="old-emulator" data-rule="H1"');
    // No case counts: the summary keeps none, and "0 of 0" would read as nothing judged.
    expect(html).toMatch(/data-lane="old-emulator" data-rule="R3" data-status="expected"><button[^>]*>.*?<span class="count"><\/span><\/button>/);
    expect(html).toContain('<td class="summary" data-lane="old-emulator" data-level="must">1/2 <span class="extra">(stale)</span></td>');
  });
});
