// The quorum forecast: how many who count towards the quorum are expected at the meeting.
// Members who count, minus those who sent apologies, plus substitutes who may count: a substitute
// fills the seat of a member who counts, once per seat and once per person, and only if they are
// not already counted in their own right (a counting member who attends anyway adds no head).
// The clerk is warned when the forecast falls to the quorum or below: one more apology and the
// meeting cannot decide anything.

export type ForecastMember = { id: string; countsTowardsQuorum: boolean };

export type ForecastSubstitute = { kind: 'member'; memberId: string } | { kind: 'named'; name: string };

export type ForecastReply = { memberId: string; reply: 'apologies' | 'attending'; substitute?: ForecastSubstitute };

export type QuorumStatus = 'quorate' | 'at_quorum' | 'inquorate';

export type QuorumForecast = {
  quorum: number;
  /** Members who count towards the quorum. */
  counting: number;
  /** Of those, how many sent apologies. */
  apologies: number;
  /** Substitutes who count in place of an absent member. */
  substitutes: number;
  /** Of the counting members, how many said they will attend, and how many have not replied. */
  attending: number;
  noReply: number;
  /** counting − apologies + substitutes. */
  expected: number;
  status: QuorumStatus;
};

export type ForecastOptions = {
  /** Whether a named person who is not on the roster counts when substituting (default yes). */
  namedSubstitutesCount?: boolean;
};

const statusOf = (expected: number, quorum: number): QuorumStatus => (expected > quorum ? 'quorate' : expected === quorum ? 'at_quorum' : 'inquorate');

/** True when the clerk and chair should be warned: the forecast is at the quorum or below. */
export const needsWarning = (forecast: QuorumForecast): boolean => forecast.status !== 'quorate';

export const forecastQuorum = (
  members: readonly ForecastMember[],
  replies: readonly ForecastReply[],
  quorum: number,
  options: ForecastOptions = {},
): QuorumForecast => {
  const namedCount = options.namedSubstitutesCount ?? true;
  const byMember = new Map(replies.map((r) => [r.memberId, r]));
  const counting = members.filter((m) => m.countsTowardsQuorum);
  const countingIds = new Set(counting.map((m) => m.id));
  const absent = counting.filter((m) => byMember.get(m.id)?.reply === 'apologies');
  const absentIds = new Set(absent.map((m) => m.id));
  const seated = new Set<string>();
  let substitutes = 0;
  for (const member of absent) {
    const sub = byMember.get(member.id)?.substitute;
    if (!sub) continue;
    if (sub.kind === 'named' && !namedCount) continue;
    const key = sub.kind === 'member' ? `member:${sub.memberId}` : `named:${sub.name.trim().toLowerCase()}`;
    // A counting member is already in the count when attending, and away when not.
    if (sub.kind === 'member' && (countingIds.has(sub.memberId) || absentIds.has(sub.memberId))) continue;
    if (sub.kind === 'member' && byMember.get(sub.memberId)?.reply === 'apologies') continue;
    if (seated.has(key)) continue;
    seated.add(key);
    substitutes += 1;
  }
  const expected = counting.length - absent.length + substitutes;
  return {
    quorum,
    counting: counting.length,
    apologies: absent.length,
    substitutes,
    attending: counting.filter((m) => byMember.get(m.id)?.reply === 'attending').length,
    noReply: counting.filter((m) => !byMember.has(m.id)).length,
    expected,
    status: statusOf(expected, quorum),
  };
};
