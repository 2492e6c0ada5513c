import { describe, expect, it } from 'vitest';
import { neutraliseWorkflowCommands } from './workflow-commands.ts';

describe('neutraliseWorkflowCommands', () => {
  it.each([
    ['::stop-commands::abc', '[::]stop-commands::abc'],
    ['::add-mask::secret', '[::]add-mask::secret'],
    ['ok\n  ::error file=x::forged\n\u00a0::warning::w', 'ok\n  [::]error file=x::forged\n\u00a0[::]warning::w'],
    ['::set-output name=a::b\n::group::g', '[::]set-output name=a::b\n[::]group::g'],
    ['##[set-env name=A;]1', '[##[]set-env name=A;]1'],
  ])('%j', (text, shown) => {
    expect(neutraliseWorkflowCommands(text)).toBe(shown);
  });

  it('leaves text whose lines do not start with a command alone', () => {
    for (const text of ['a::b', 'Cognito::RevokeToken', 'x ::error', 'C8 [must] ::']) expect(neutraliseWorkflowCommands(text)).toBe(text);
  });
});
