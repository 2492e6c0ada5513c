// An expectation's source is free text; where it names an upstream issue or pull request,
// the page links to it. Only issues and pull requests: a source file or a doc page is
// evidence to read, not a place to follow the bug.

export interface UpstreamLink {
  url: string;
  /** `owner/repo#123`, short enough for a cell. */
  label: string;
}

const FULL_URL = /https:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\/(issues|pull)\/(\d+)/g;
// `floci-io/floci #1705`, `awslabs/aws-jwt-verify#151`; `and #170` right after one of them
// belongs to the same repository.
const SHORT_FORM = /(?<![\w/.-])([\w.-]+)\/([\w.-]+)\s?#(\d+)((?:(?:,\s*|\s+and\s+|\s*\/\s*)#\d+)*)/g;

/** The issues and pull requests a source names, each once, in the order it names them. */
export function upstreamLinks(source: string | undefined): UpstreamLink[] {
  if (!source) return [];
  const found = new Map<string, UpstreamLink>();
  const add = (owner: string, repo: string, number: string, kind: 'issues' | 'pull' = 'issues') => {
    const label = `${owner}/${repo}#${number}`;
    // GitHub redirects /issues/N to /pull/N for a pull request, so /issues is safe for the short form.
    if (!found.has(label)) found.set(label, { url: `https://github.com/${owner}/${repo}/${kind}/${number}`, label });
  };
  for (const match of source.matchAll(FULL_URL)) add(match[1] ?? '', match[2] ?? '', match[4] ?? '', match[3] as 'issues' | 'pull');
  const withoutUrls = source.replace(FULL_URL, ' ');
  for (const match of withoutUrls.matchAll(SHORT_FORM)) {
    const [owner = '', repo = '', first = '', more = ''] = match.slice(1);
    add(owner, repo, first);
    for (const extra of more.matchAll(/#(\d+)/g)) add(owner, repo, extra[1] ?? '');
  }
  return [...found.values()];
}
