// A Core for adapter tests: every call refused unless the test gives its own.
import type { Core } from '../../src/core.ts';
import { CATALOGUE } from '../../src/core.ts';

const unused = (what: string) => () => Promise.reject(new Error(`${what} is not used in this test`));

export function fakeCore(overrides: Partial<Core> = {}): Core {
  return {
    catalogue: CATALOGUE,
    hasForm: () => false,
    answersInPlace: () => false,
    runCommand: unused('runCommand'),
    clickButton: unused('clickButton'),
    submitForm: unused('submitForm'),
    checkForm: () => undefined,
    upcomingMeetings: unused('upcomingMeetings'),
    myActions: unused('myActions'),
    recordConversation: unused('recordConversation'),
    // Every request is new unless the test says otherwise.
    claimRequest: () => Promise.resolve({ first: true }),
    recordRequestAnswer: () => Promise.resolve(),
    ...overrides,
  };
}
