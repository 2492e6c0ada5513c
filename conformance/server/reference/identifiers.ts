import { randomInt } from 'node:crypto';

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ALNUM = `ABCDEFGHIJKLMNOPQRSTUVWXYZ${LOWER_ALNUM}`;

function randomText(alphabet: string, length: number): string {
  let text = '';
  for (let index = 0; index < length; index += 1) text += alphabet.charAt(randomInt(alphabet.length));
  return text;
}

/** A user pool id as Cognito formats them: `<region>_<9 letters and digits>`. @internal */
export function newUserPoolId(region: string): string {
  return `${region}_${randomText(ALNUM, 9)}`;
}

/** An app client id: 26 lower-case letters and digits, like Cognito's. @internal */
export function newClientId(): string {
  return randomText(LOWER_ALNUM, 26);
}

/** A generated client secret: 51 lower-case letters and digits, inside the model's 24..64 and `[\w+]+`. @internal */
export function newClientSecret(): string {
  return randomText(LOWER_ALNUM, 51);
}

/** An opaque session string for a challenge response (the model wants 20..2048 characters). @internal */
export function newChallengeSession(): string {
  return randomText(ALNUM, 64);
}
