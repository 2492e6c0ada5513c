import { describe, expect, it } from 'vitest';
import { joinCatalogue, SERVER_FAULT_CATALOGUE } from './server-fault-catalogue.ts';

const wrap = () => async () => new Response('{}');
const entry = {
  id: 'a-fault',
  fault: 'does something wrong',
  source: 'https://example.com/issue/1',
  sourceShows: 'the bug',
  tier: 'observed',
  caughtBy: 'R1',
};

describe('joinCatalogue', () => {
  it('joins each entry with the fault of its id', () => {
    const [joined] = joinCatalogue([{ ...entry, strict: true, needs: 'X' }], { 'a-fault': wrap });
    expect(joined).toMatchObject({ id: 'a-fault', tier: 'observed', strict: true, needs: 'X' });
  });

  it('names the entry and the field of every mistake', () => {
    expect(() => joinCatalogue([{ ...entry, tier: 'likely', source: '' }], { 'a-fault': wrap })).toThrow(
      /a-fault: source must be a non-empty string; a-fault: tier must be documented, observed or inferred/,
    );
    expect(() => joinCatalogue([entry], {})).toThrow(/a-fault: no fault of that id in catalogue-faults\.ts/);
    expect(() => joinCatalogue([], { 'a-fault': wrap })).toThrow(/a-fault: a fault in catalogue-faults\.ts with no entry in catalogue\.json/);
    expect(() => joinCatalogue([entry, entry], { 'a-fault': wrap })).toThrow(/a-fault: listed twice/);
  });

  it('the checked-in catalogue joins without a mistake', () => {
    expect(SERVER_FAULT_CATALOGUE.length).toBeGreaterThan(0);
  });
});
