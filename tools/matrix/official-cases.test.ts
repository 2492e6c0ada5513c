import { describe, expect, it } from 'vitest';
import { renderSummaryTable } from './markdown.ts';
import type { MatrixData } from './matrix-data.ts';
import { renderPage } from './page.ts';
import { type MatrixSummary, summaryDifferences } from './summary.ts';

const figures = { total: 112, applicable: 24, mapped: 21, adapted: 3, excluded: 88, uncovered: 0 };
const summary: MatrixSummary = { format: 1, implementations: [], officialCases: figures };

describe('the official cases in the matrix', () => {
  it('are counted under the README table', () => {
    expect(renderSummaryTable(summary)).toContain(
      'Official cases: 21 of 24 applicable official Smithy awsJson1_1 cases carried exactly by a fixture, 3 adapted with a recorded reason, 0 uncovered (88 of 112 do not apply to RevokeToken).',
    );
  });

  it('make --check fail when the coverage changes', () => {
    expect(summaryDifferences(summary, { ...summary, officialCases: { ...figures, mapped: 20, uncovered: 1 } })).toEqual([
      expect.stringMatching(/^official cases: committed .*"mapped":21.*, now .*"mapped":20/),
    ]);
    expect(summaryDifferences(summary, summary)).toEqual([]);
  });

  it('are shown on the page', () => {
    const data: MatrixData = { format: 1, seed: 1, groups: [], lanes: [], cells: {}, officialCases: figures };
    expect(renderPage(data)).toMatch(/<p class="official" id="official-cases">21 of 24 applicable/);
  });
});
