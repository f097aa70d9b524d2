import { describe, expect, it } from 'vitest';
import { forecastQuorum, needsWarning, type ForecastMember } from '../../../src/domain/apologies/quorum-forecast.ts';

// Five voting members and an adviser who never counts; the seed board's quorum is 3.
const members: ForecastMember[] = [
  { id: 'chair', countsTowardsQuorum: true },
  { id: 'police', countsTowardsQuorum: true },
  { id: 'probation', countsTowardsQuorum: true },
  { id: 'mopac', countsTowardsQuorum: true },
  { id: 'fire', countsTowardsQuorum: true },
  { id: 'adviser', countsTowardsQuorum: false },
  { id: 'deputy', countsTowardsQuorum: false },
];

describe('the quorum forecast', () => {
  it('counts every counting member as expected until they send apologies', () => {
    const forecast = forecastQuorum(members, [{ memberId: 'chair', reply: 'attending' }], 3);
    expect(forecast).toEqual({ quorum: 3, counting: 5, apologies: 0, substitutes: 0, attending: 1, noReply: 4, expected: 5, status: 'quorate' });
    expect(needsWarning(forecast)).toBe(false);
  });

  it('falls to the quorum with two apologies, and below it with three; an adviser’s apologies change nothing', () => {
    const two = forecastQuorum(members, [{ memberId: 'police', reply: 'apologies' }, { memberId: 'fire', reply: 'apologies' }, { memberId: 'adviser', reply: 'apologies' }], 3);
    expect([two.expected, two.status, needsWarning(two)]).toEqual([3, 'at_quorum', true]);
    const three = forecastQuorum(members, [{ memberId: 'police', reply: 'apologies' }, { memberId: 'fire', reply: 'apologies' }, { memberId: 'mopac', reply: 'apologies' }], 3);
    expect([three.expected, three.status]).toEqual([2, 'inquorate']);
  });

  it('adds substitutes who may count: a deputy, a named person; once per person, never a counting member twice', () => {
    const forecast = forecastQuorum(
      members,
      [
        { memberId: 'police', reply: 'apologies', substitute: { kind: 'member', memberId: 'deputy' } },
        // The same deputy named again for another seat is still one person in the room.
        { memberId: 'fire', reply: 'apologies', substitute: { kind: 'member', memberId: 'deputy' } },
        { memberId: 'mopac', reply: 'apologies', substitute: { kind: 'named', name: 'Ms Lynne Abram' } },
        // A counting member substituting is already counted in their own right.
        { memberId: 'probation', reply: 'apologies', substitute: { kind: 'member', memberId: 'chair' } },
      ],
      3,
    );
    expect(forecast).toMatchObject({ counting: 5, apologies: 4, substitutes: 2, expected: 3, status: 'at_quorum' });
  });

  it('a substitute for someone who does not count adds nothing; named substitutes can be excluded by the board', () => {
    expect(forecastQuorum(members, [{ memberId: 'adviser', reply: 'apologies', substitute: { kind: 'named', name: 'X' } }], 3).expected).toBe(5);
    const replies = [{ memberId: 'mopac', reply: 'apologies' as const, substitute: { kind: 'named' as const, name: 'Ms Abram' } }];
    expect(forecastQuorum(members, replies, 3).expected).toBe(5);
    expect(forecastQuorum(members, replies, 3, { namedSubstitutesCount: false }).expected).toBe(4);
  });

  it('the board\u2019s setting both ways: named substitutes count by default (the seeds: "Ms Abram was substituting"); off, only substitutes on the roster count', () => {
    const replies = [
      { memberId: 'police', reply: 'apologies' as const, substitute: { kind: 'member' as const, memberId: 'deputy' } },
      { memberId: 'mopac', reply: 'apologies' as const, substitute: { kind: 'named' as const, name: 'Ms Abram' } },
      { memberId: 'fire', reply: 'apologies' as const, substitute: { kind: 'named' as const, name: 'Sgt Pat Jones' } },
    ];
    const on = forecastQuorum(members, replies, 3, { namedSubstitutesCount: true });
    expect(on).toMatchObject({ apologies: 3, substitutes: 3, expected: 5, status: 'quorate' });
    expect(forecastQuorum(members, replies, 3)).toEqual(on);
    const off = forecastQuorum(members, replies, 3, { namedSubstitutesCount: false });
    // The standing deputy (on the roster) still counts; the two named people do not.
    expect(off).toMatchObject({ apologies: 3, substitutes: 1, expected: 3, status: 'at_quorum' });
    expect([needsWarning(on), needsWarning(off)]).toEqual([false, true]);
    // The same named person for two seats is one head when they count.
    const twice = [
      { memberId: 'mopac', reply: 'apologies' as const, substitute: { kind: 'named' as const, name: 'Ms Abram' } },
      { memberId: 'fire', reply: 'apologies' as const, substitute: { kind: 'named' as const, name: ' ms abram ' } },
    ];
    expect(forecastQuorum(members, twice, 3).substitutes).toBe(1);
    expect(forecastQuorum(members, twice, 3, { namedSubstitutesCount: false }).substitutes).toBe(0);
  });
});
