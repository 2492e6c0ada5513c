import fc from 'fast-check';
import { validMemberValue } from '../../model/arbitraries.ts';
import { revokeToken } from '../../model/contract.ts';
import { CaseRecorder, type GeneratedServerCase, StopAtFailure } from '../cases/server-case.ts';
import type { RefreshFlow, SignInFlow } from '../provision/sessions.ts';
import { CLIENT_ROLES, type ClientRole, SIGN_IN_ROLES, USER_COUNT, withOwnUsers } from '../provision/world.ts';
import {
  type AssociatedSessions,
  GetTokens,
  GetUser,
  GetUserWithOtherToken,
  GlobalSignOut,
  type NotAnAccessToken,
  Refresh,
  RefreshWithUnknownToken,
  Revoke,
  RevokeOnOtherClient,
  RevokeUnknownToken,
  RevokeWithWrongTokenType,
  type SecretMode,
  type SemanticsCommand,
  SignIn,
  SignInWithBadProof,
  sweep,
  type UnknownRefreshToken,
  UseRotatedOutToken,
} from './commands.ts';
import { emptyModel, MAX_SESSIONS, type SemanticsReal } from './model.ts';
import { REQUEST_FORMS } from './request-forms.ts';

const MAX_COMMANDS = 12;
const tokenMember = revokeToken.input.members.find((member) => member.name === 'Token')!;

const index = fc.nat({ max: MAX_SESSIONS * 2 - 1 });
const role = fc.constantFrom(...CLIENT_ROLES);
const signInRole = fc.constantFrom(...SIGN_IN_ROLES);
const user = fc.nat({ max: USER_COUNT - 1 });

const signInFlow = fc.constantFrom<SignInFlow>('USER_PASSWORD_AUTH', 'USER_PASSWORD_AUTH', 'ADMIN_USER_PASSWORD_AUTH');
const badProof = fc
  .tuple(user, fc.constantFrom<'wrong' | 'missing'>('wrong', 'missing'), signInFlow)
  .map(([u, proof, flow]) => new SignInWithBadProof(u, proof, flow));
const notAnAccessToken = fc.tuple(index, fc.constantFrom<NotAnAccessToken>('id', 'refresh', 'altered')).map(([i, kind]) => new GetUserWithOtherToken(i, kind));
const unknownRefreshToken = fc
  .tuple(index, fc.constantFrom<UnknownRefreshToken>('never issued', 'one character off', 'case flipped', 'one character longer'))
  .map(([i, kind]) => new RefreshWithUnknownToken(i, kind));
const signIn = fc.tuple(signInRole, user, signInFlow).map(([r, u, f]) => new SignIn(r, u, f));
const refresh = fc.tuple(index, fc.constantFrom<RefreshFlow>('REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN')).map(([i, flow]) => new Refresh(i, flow));
const getTokens = index.map((i) => new GetTokens(i));
const rotatedOut = index.map((i) => new UseRotatedOutToken(i));
const getUserCommand = fc.tuple(index, fc.nat({ max: 4 })).map(([i, t]) => new GetUser(i, t));
const revokeCommand = fc
  .tuple(
    index,
    fc.constantFrom<SecretMode>('right', 'right', 'wrong', 'missing'),
    fc.constantFrom<AssociatedSessions>(undefined, 'NONE', 'LINKED'),
    fc.constantFrom(...REQUEST_FORMS),
  )
  .map(([i, s, a, form]) => new Revoke(i, s, a, form));
const wrongTokenType = fc
  .tuple(index, fc.constantFrom<'access' | 'id'>('access', 'id'), fc.nat({ max: 4 }))
  .map(([i, use, t]) => new RevokeWithWrongTokenType(i, use, t));
const otherClient = fc.tuple(index, role).map(([i, r]) => new RevokeOnOtherClient(i, r));
const unknownToken = validMemberValue(tokenMember, { maxUnboundedLength: 600 }).map((token) => new RevokeUnknownToken(token));

/**
 * Every command the model knows, built from the model's own generators where it takes data.
 * fast-check picks among the entries evenly, so the ones that make sequences interesting
 * (sessions to act on, revocations, checks of their effect) appear more than once.
 */
const COMMANDS: ReadonlyArray<fc.Arbitrary<SemanticsCommand>> = [
  signIn,
  signIn,
  signIn,
  revokeCommand,
  revokeCommand,
  revokeCommand,
  getUserCommand,
  getUserCommand,
  getUserCommand,
  refresh,
  refresh,
  getTokens,
  getTokens,
  rotatedOut,
  wrongTokenType,
  otherClient,
  unknownToken,
  badProof,
  notAnAccessToken,
  unknownRefreshToken,
  index.map((i) => new GlobalSignOut(i)),
];

/** fast-check prints the commands that ran, then `/*replayPath="..."*\/` to replay them. */
export function commandsReplayPath(printed: string): string | undefined {
  return /\/\*replayPath="([^"]*)"\*\//.exec(printed)?.[1];
}

/**
 * The semantics as a state machine over a populated world (two users, five clients that sign
 * in, several sessions): random sequences of sign-ins, refreshes (REFRESH_TOKEN_AUTH, its legacy
 * name REFRESH_TOKEN, GetTokensFromRefreshToken with rotation on and off, rotated-out tokens),
 * GetUser calls and revocations (right, wrong or missing secret; NONE, LINKED or neither;
 * written as the suite, the JavaScript SDK v3 or botocore write them, or signed;
 * access and ID tokens; another client's token; a token nobody issued), sign-ins with a bad
 * SECRET_HASH, GetUser with what is not an access token, refreshes with a refresh token
 * nobody issued, and GlobalSignOut run against the server
 * and against a model of the documented behaviour. Every refusal is followed by a re-check of
 * the session it touched (R8), and every sequence ends with a sweep of every session (R9). A
 * failing sequence shrinks to the shortest one that still fails. Each sequence has two users of its
 * own, so the sweep covers every session they have.
 * @internal
 */
export const MODEL_RUN_CASE: GeneratedServerCase<[ClientRole, number, Iterable<SemanticsCommand>]> = {
  kind: 'generated',
  id: 'semantics-model-run',
  title: 'random sequences of sign-ins, refreshes, GetUser calls and revocations behave as the documented semantics say',
  level: 'must',
  tags: ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11', 'R13', 'R14', 'R15', 'R16', 'R17', 'R18', 'U1', 'U2', 'U3', 'semantics'],
  origin: 'conformance/server/semantics/model-run.ts',
  runs: 15,
  borrowsExpectations: true,
  // Every sequence starts from one session, so that no run is spent on commands with nothing to act on.
  arbitrary: ({ commandsReplayPath: replayPath }) =>
    fc.tuple(signInRole, user, fc.commands([...COMMANDS], { maxCommands: MAX_COMMANDS, size: 'max', ...(replayPath ? { replayPath } : {}) })),
  describe: ([first, firstUser, commands]) => {
    const printed = String(commands);
    const replayPath = commandsReplayPath(printed);
    const rest = printed.replace(/\s*\/\*replayPath="[^"]*"\*\//, '');
    return {
      commands: [new SignIn(first, firstUser).toString(), ...(rest === '' ? [] : [rest]), 'sweep'].join(','),
      ...(replayPath ? { replayPath } : {}),
    };
  },
  async run(context, [first, firstUser, commands]) {
    // Stopping at the first unexpected failure keeps later commands out of the shrunk sequence.
    const recorder = new CaseRecorder(context.wire.timeoutMs, context.failsRun);
    const world = await withOwnUsers(await context.world(), context.api, context.sensitive);
    const real: SemanticsReal = { context, world, recorder, sessions: [] };
    const model = emptyModel();
    try {
      await new SignIn(first, firstUser).run(model, real);
      await fc.asyncModelRun(() => ({ model, real }), commands);
      await sweep(model, real);
    } catch (error) {
      if (!(error instanceof StopAtFailure)) throw error;
    }
    return recorder;
  },
};
