import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import { GENERATED_CLIENT, LAYERS, OUTSIDE } from './layers.ts';

/** One import that breaks the layering: a cycle, or an import of a higher layer. */
export interface LayeringViolation {
  rule: string;
  from: string;
  to: string;
}

const either = (patterns: readonly string[]) => `(${patterns.join('|')})`;

/** The forbidden rules dependency-cruiser checks: no cycles, and nothing imports upwards. */
export function layeringRules(): IForbiddenRuleType[] {
  const outside = either(OUTSIDE);
  const rules: IForbiddenRuleType[] = [
    { name: 'no-cycles', severity: 'error', from: { pathNot: either([...OUTSIDE, GENERATED_CLIENT]) }, to: { circular: true } },
  ];
  LAYERS.forEach((layer, index) => {
    const above = LAYERS.slice(index + 1).flatMap((l) => l.paths);
    if (above.length === 0) return;
    rules.push({
      name: `${layer.name}-imports-no-higher-layer`,
      severity: 'error',
      from: { path: either(layer.paths), pathNot: outside },
      to: { path: either(above), pathNot: outside },
    });
  });
  return rules;
}

/** Every violation in the files below `roots` (repository-relative), none when the layering holds. */
export async function findLayeringViolations(roots: readonly string[], baseDir: string): Promise<LayeringViolation[]> {
  const result = await cruise([...roots], {
    baseDir,
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules|\\.d\\.mts$|^dist/' },
    validate: true,
    ruleSet: { forbidden: layeringRules() },
  });
  const output = result.output as ICruiseResult;
  return output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}
