// Prints the server fault catalogue's score: every entry through the whole server suite.
//   npx tsx tools/server-fault-catalogue/print-score.ts [entry id ...]
import { formatScore, judgeEntry } from '../../conformance/self-test/server-fault-catalogue/score-catalogue.ts';
import { SERVER_FAULT_CATALOGUE } from '../../conformance/self-test/server-fault-catalogue/server-fault-catalogue.ts';

const wanted = process.argv.slice(2);
const unknown = wanted.filter((id) => !SERVER_FAULT_CATALOGUE.some((entry) => entry.id === id));
if (unknown.length > 0) {
  console.error(`not an entry of the server fault catalogue: ${unknown.join(', ')}`);
  process.exit(2);
}
const started = performance.now();
const verdicts = [];
for (const entry of SERVER_FAULT_CATALOGUE.filter((e) => wanted.length === 0 || wanted.includes(e.id))) {
  const verdict = await judgeEntry(entry);
  verdicts.push(verdict);
  console.log(`${verdict.caught ? 'caught  ' : 'survived'} ${entry.id}${verdict.caught ? ` (${verdict.failures.join('; ')})` : ''}`);
}
console.log(formatScore(verdicts));
console.log(`${Math.round(performance.now() - started)} ms`);
