import { describe, expect, it } from 'vitest';
import { type AllowEntry, entryMatches, judge, parseAllowList } from './allowlist.ts';
import { compareDescriptions, formatDifference } from './compare.ts';
import type { MemberDescription, OperationDescription } from './description.ts';

function member(overrides: Partial<MemberDescription> = {}): MemberDescription {
  return { target: 'MessageType', required: false, sensitive: false, lengthMin: null, lengthMax: null, pattern: null, enumValues: null, ...overrides };
}

function sample(): OperationDescription {
  return {
    operation: 'RevokeToken',
    signed: false,
    input: {
      shape: 'RevokeTokenRequest',
      members: {
        ClientId: member({ target: 'ClientIdType', required: true, sensitive: true, lengthMin: 1, lengthMax: 128, pattern: '^[\\w+]+$' }),
        Mode: member({ target: 'ModeType', enumValues: ['LINKED', 'NONE'] }),
      },
    },
    output: { shape: 'RevokeTokenResponse', members: {} },
    errors: {
      ForbiddenException: { fault: 'client', httpStatus: 403, members: { message: member() } },
      InternalErrorException: { fault: 'server', httpStatus: null, members: { message: member() } },
    },
  };
}

describe('compareDescriptions', () => {
  it('finds nothing when the descriptions agree', () => {
    expect(compareDescriptions(sample(), sample(), 'botocore')).toEqual([]);
  });

  it('reports a constraint under the target shape name, with both values', () => {
    const theirs = sample();
    theirs.input.members.ClientId!.pattern = '[\\w+]+';
    const [difference, ...rest] = compareDescriptions(sample(), theirs, 'botocore');
    expect(rest).toEqual([]);
    expect(formatDifference(difference!)).toBe('ClientIdType pattern: ours "^[\\w+]+$", botocore "[\\w+]+"');
  });

  it('reports member-level traits under Structure.member', () => {
    const theirs = sample();
    theirs.input.members.ClientId!.required = false;
    expect(compareDescriptions(sample(), theirs, 'npm').map(formatDifference)).toEqual(['RevokeTokenRequest.ClientId required: ours true, npm false']);
  });

  it('reports a missing member or error as presence and compares nothing else about it', () => {
    const theirs = sample();
    delete theirs.input.members.Mode;
    delete theirs.errors.ForbiddenException;
    expect(compareDescriptions(sample(), theirs, 'botocore').map(formatDifference)).toEqual([
      'RevokeTokenRequest.Mode presence: ours present, botocore absent',
      'ForbiddenException presence: ours present, botocore absent',
    ]);
  });

  it('reports error traits, length bounds and enum values', () => {
    const theirs = sample();
    theirs.errors.ForbiddenException!.httpStatus = null;
    theirs.errors.InternalErrorException!.fault = 'client';
    theirs.input.members.ClientId!.lengthMin = 24;
    theirs.input.members.Mode!.enumValues = ['NONE'];
    expect(compareDescriptions(sample(), theirs, 'x').map(formatDifference)).toEqual([
      'ClientIdType length.min: ours 1, x 24',
      'ModeType enum: ours [LINKED, NONE], x [NONE]',
      'ForbiddenException httpStatus: ours 403, x (none)',
      'InternalErrorException fault: ours "server", x "client"',
    ]);
  });

  it('reports a difference in a shared shape once, not once per member that uses it', () => {
    const theirs = sample();
    theirs.errors.ForbiddenException!.members.message!.target = null;
    theirs.errors.InternalErrorException!.members.message!.target = null;
    theirs.errors.ForbiddenException!.members.message!.sensitive = true;
    theirs.errors.InternalErrorException!.members.message!.sensitive = true;
    expect(compareDescriptions(sample(), theirs, 'npm').map(formatDifference)).toEqual([
      'ForbiddenException.message target: ours "MessageType", npm (none)',
      'MessageType sensitive: ours false, npm true',
      'InternalErrorException.message target: ours "MessageType", npm (none)',
    ]);
  });
});

describe('the allow-list', () => {
  const anchors: AllowEntry = { source: 'botocore', trait: 'pattern', equivalence: 'implicit-anchors', reason: 'botocore patterns are implicitly anchored' };
  const pattern = (ours: string, theirs: string) => ({ source: 'botocore', subject: 'ClientIdType', trait: 'pattern' as const, ours, theirs });

  it('accepts an unanchored pattern only when the anchors are the whole difference', () => {
    expect(entryMatches(anchors, pattern('^[\\w+]+$', '[\\w+]+'))).toBe(true);
    expect(entryMatches(anchors, pattern('^(?:a|b)$', 'a|b'))).toBe(true);
    expect(entryMatches(anchors, pattern('^[\\w+-]+$', '[\\w+]+'))).toBe(false);
    expect(entryMatches(anchors, pattern('[\\w+]+', '[\\w+]+$'))).toBe(false);
  });

  it('matches only the fields an entry states', () => {
    const entry: AllowEntry = { source: 'npm', trait: 'pattern', theirs: null, reason: 'npm schemas carry no patterns' };
    expect(entryMatches(entry, { source: 'npm', subject: 'A', trait: 'pattern', ours: '^a$', theirs: null })).toBe(true);
    expect(entryMatches(entry, { source: 'npm', subject: 'A', trait: 'pattern', ours: '^a$', theirs: '^b$' })).toBe(false);
    expect(entryMatches(entry, { source: 'botocore', subject: 'A', trait: 'pattern', ours: '^a$', theirs: null })).toBe(false);
    expect(entryMatches({ ...entry, subject: 'B' }, { source: 'npm', subject: 'A', trait: 'pattern', ours: '^a$', theirs: null })).toBe(false);
  });

  it('splits differences into explained and unexpected, and finds stale entries of the compared sources only', () => {
    const unused: AllowEntry = { source: 'botocore', trait: 'httpStatus', theirs: null, reason: 'botocore declares no status codes' };
    const otherSource: AllowEntry = { source: 'npm', trait: 'length.min', theirs: null, reason: 'npm schemas carry no lengths' };
    const surprise = { source: 'botocore', subject: 'ClientSecretType', trait: 'length.min' as const, ours: 24, theirs: 1 };
    const verdict = judge([pattern('^x$', 'x'), surprise], [anchors, unused, otherSource], ['botocore']);
    expect(verdict.unexpected).toEqual([surprise]);
    expect(verdict.stale).toEqual([unused]);
  });

  it('rejects entries without a reason, with unknown fields, or that could hide any change', () => {
    const parse = (entry: object) => () => parseAllowList(JSON.stringify({ about: 'x', entries: [entry] }), ['botocore', 'npm']);
    expect(parse({ source: 'npm', trait: 'pattern', theirs: null })).toThrow(/entry 0: every entry needs a reason/);
    expect(parse({ source: 'npm', trait: 'pattern', theirs: null, reason: 'a reason long enough', note: 1 })).toThrow(/unknown field "note"/);
    expect(parse({ source: 'npm', trait: 'pattern', reason: 'a reason long enough' })).toThrow(/state ours, theirs or an equivalence/);
    expect(parse({ source: 'pypi', trait: 'pattern', theirs: null, reason: 'a reason long enough' })).toThrow(/source must be one of/);
    expect(parse({ source: 'npm', trait: 'colour', theirs: null, reason: 'a reason long enough' })).toThrow(/trait must be one of/);
  });
});
