/**
 * GitHub Actions reads every line of a step's output that starts with `::` (after blanks) as a
 * workflow command, and `##[` as its older form: `::stop-commands::<token>` switches off every
 * command after it (the suite's own `::error` annotations included), `::add-mask::` hides text,
 * `::error` forges an annotation. Text a client supplies is printed with such a line start made
 * visible and inert: `[::]` or `[##[]` in its place. The suite's own annotations are written by
 * report/github.ts and never pass through here.
 */

// `\s` covers the blanks the runner trims (spaces, tabs, no-break and the other Unicode spaces).
const COMMAND_START = /^(\s*)(::|##\[)/gm;

/** The text with every line that GitHub Actions would read as a workflow command made inert. @internal */
export function neutraliseWorkflowCommands(text: string): string {
  return text.includes('::') || text.includes('##[') ? text.replace(COMMAND_START, (_match, blanks: string, start: string) => `${blanks}[${start}]`) : text;
}
