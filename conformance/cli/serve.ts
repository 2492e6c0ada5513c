import { HttpResponse } from 'msw';
import { type Adapter, resolveCapabilities } from '../adapters/contract.ts';
import { CLIENT_CHECKS } from '../checks/index.ts';
import { judge } from '../judging/judge.ts';
import { cleanAdapterText } from '../redaction/adapter-text.ts';
import { cleanVerdicts } from '../redaction/clean-verdict.ts';
import { redactorFor, sensitiveMembersOfBody } from '../redaction/redact.ts';
import type { FixtureWithFile } from '../run/runner.ts';
import { fixtureToCase } from '../run/runner.ts';
import { FakeService, serveOnLoopback } from '../wire/fake-service.ts';
import { fixtureResponse } from '../wire/fixture-response.ts';
import { UsageError } from './flags.ts';
import { hiddenDifferenceHint } from './hidden-difference.ts';
import { chooseServedFixture, FIXTURE_PATH_PREFIX } from './served-fixture.ts';

export const DEFAULT_SERVED_FIXTURE = 'RevokeTokenSuccessEmptyObject';

/** The request rules a hand-driven client can be judged on: what it sent, not what it did after. */
const REQUEST_RULES = new Set(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C8', 'C9', 'C10', 'F1']);
const nobody: Adapter = { name: 'a client driven by hand', revokeToken: async () => ({}) };

/**
 * `--serve`: one fixture answers every request on 127.0.0.1 until the process is stopped; one
 * request may ask for another with a `Prefer: fixture=<id>` header or a `/fixtures/<id>/` path.
 * Each request is judged by the request rules against the fixture's params, so someone
 * testing a client by hand sees at once what it got wrong. The fixture's params are shown: they
 * are public fake values, and the user needs them to know what to send. Whatever the client
 * sends back in a sensitive member (and any fragment of it) is redacted in every verdict.
 */
export async function serveFixture(
  fixtures: readonly FixtureWithFile[],
  filters: readonly string[],
  options: { region: string; redact: boolean; out: NodeJS.WritableStream; signal?: AbortSignal },
): Promise<void> {
  const chosen =
    filters.length === 0
      ? fixtures.filter((f) => f.id === DEFAULT_SERVED_FIXTURE)
      : fixtures.filter((f) => filters.some((x) => x === f.id || f.tags.includes(x)));
  if (chosen.length !== 1) {
    throw new UsageError(
      `--serve answers with one fixture; --filter selects ${chosen.length} (${chosen
        .slice(0, 5)
        .map((f) => f.id)
        .join(', ')}${chosen.length > 5 ? ', ...' : ''})`,
    );
  }
  const fixture = chosen[0]!;
  const byId = new Map(fixtures.map((f) => [f.id, f]));
  const service = new FakeService('loopback');
  const write = (text: string) => options.out.write(`${text}\n`);
  service.begin({
    respond: (_attempt, request) => {
      const choice = chooseServedFixture(request, byId, fixture);
      if (choice.kind === 'unknown') {
        const hint = choice.suggestions.length > 0 ? `; did you mean ${choice.suggestions.join(', ')}?` : '';
        return HttpResponse.json(
          { __type: 'UnknownFixture', message: `no fixture ${JSON.stringify(choice.id)} (asked for by the ${choice.by})${hint}` },
          { status: 404 },
        );
      }
      return fixtureResponse(choice.fixture.response, request.transport);
    },
  });
  service.onRequest((request) => {
    const choice = chooseServedFixture(request, byId, fixture);
    const redactPath = redactorFor({}, options.redact, sensitiveMembersOfBody(request.body));
    if (choice.kind === 'unknown') {
      write(
        `${request.method} ${cleanAdapterText(redactPath(new URL(request.url).pathname), 200)} -> 404: no fixture ${cleanAdapterText(JSON.stringify(choice.id), 120)} (${choice.by})`,
      );
      service.requests = [];
      return;
    }
    const served = choice.fixture;
    const c = fixtureToCase(served);
    const verdicts = judge(
      CLIENT_CHECKS.filter((check) => REQUEST_RULES.has(check.rules[0])),
      {
        case: c,
        requests: [request],
        outcome: { kind: 'resolved', value: {} },
        capabilities: resolveCapabilities(nobody),
        // A path that picked the fixture is the endpoint's base path: C2 judges what follows it.
        ...(choice.basePath !== '' ? { endpoint: `${new URL(request.url).origin}${choice.basePath}` } : {}),
      },
    );
    const failed = verdicts.filter((v) => v.status === 'fail');
    // What this client sent in the sensitive members is secret, even where it is (part of) a
    // fixture value: the verdicts redact both, the fixture's too, so no sent fragment survives.
    const redactSent = redactorFor(c.params, options.redact, sensitiveMembersOfBody(request.body));
    const path = cleanAdapterText(redactSent(new URL(request.url).pathname), 200);
    const which = choice.by === 'default' ? '' : ` (fixture ${served.id}, by ${choice.by})`;
    write(`${request.method} ${path} -> ${served.response.code}${which}: ${failed.length === 0 ? 'request rules pass' : `${failed.length} rule(s) broken`}`);
    cleanVerdicts(failed, redactSent).forEach((v, index) => {
      write(`  ${v.check} [${v.level}] ${v.title}\n    expected: ${v.expected ?? ''}\n    actual:   ${v.actual ?? ''}`);
      // Redaction can make two different values read the same: say so, and where.
      const hint = options.redact ? hiddenDifferenceHint(failed[index]!, v) : undefined;
      if (hint !== undefined) write(`    hint:     ${hint}`);
    });
    service.requests = [];
  });
  const server = await serveOnLoopback(service, options.region);
  write(`serving fixture ${fixture.id} at ${server.url}`);
  write(`point the client at it, e.g. AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER=${server.url}`);
  write(`judged against params ${JSON.stringify(fixtureToCase(fixture).params)}; stop with Ctrl-C`);
  write(
    `one request picks another fixture (its params and answer) with the header "Prefer: fixture=<id>", or by its path: ${server.url}${FIXTURE_PATH_PREFIX}<id>/ (e.g. ${server.url}${FIXTURE_PATH_PREFIX}RevokeTokenForbiddenExceptionAsObserved as the endpoint); npm run conformance -- --list shows the ids`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    options.signal?.addEventListener('abort', stop, { once: true });
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
}
