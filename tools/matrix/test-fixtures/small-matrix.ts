// Builds a MatrixData from lane-reports.json through the same functions npm run matrix uses.
import { readFileSync } from 'node:fs';
import type { Expectation } from '../../../conformance/run/expectations.ts';
import { buildMatrix, cellsOfReport, type LaneOutcome } from '../collect.ts';
import type { MatrixData } from '../matrix-data.ts';
import { ruleGroups, rulesOfProperty, type Side } from '../rules.ts';
import type { LaneReport } from '../run-lane.ts';

interface FixtureLane {
  name: string;
  kind: Side;
  version: string | null;
  expectations?: Expectation[];
  report?: LaneReport;
  skipped?: string;
}

export function smallMatrix(): MatrixData {
  const { lanes } = JSON.parse(readFileSync(new URL('./lane-reports.json', import.meta.url), 'utf8')) as { lanes: FixtureLane[] };
  const outcomes: LaneOutcome[] = lanes.map((lane) => {
    const column = { name: lane.name, kind: lane.kind, version: lane.version };
    if (lane.skipped || !lane.report) return { column: { ...column, state: 'skipped', notes: [lane.skipped ?? 'not run'] }, cells: {} };
    return {
      column: {
        ...column,
        state: 'ran',
        notes: [],
        exitCode: 1,
        implementation: lane.report.summary.implementation,
        command: `--adapter ${lane.name} --strict`,
      },
      cells: cellsOfReport(lane.report, { expectations: lane.expectations ?? [], rulesOfProperty }),
    };
  });
  return buildMatrix(ruleGroups(), outcomes, 7);
}
