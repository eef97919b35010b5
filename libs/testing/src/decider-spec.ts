/**
 * Given/When/Then over plain event lists, after Emmett's DeciderSpecification:
 *   spec.given([...events]).when(command).then([...events])
 *   spec.given([...events]).when(command).thenNothing()
 *   spec.given([...events]).when(command).thenThrows('CONSENT.PRE_TICKED', { field: 'evidence.affirmativeAction' })
 */
type AnyDecider<C, E, S> = {
  decide: (command: C, state: S) => E[];
  evolve: (state: S, event: E) => S;
  initialState: () => S;
};

export type ExpectedRefusal = { kind?: string; field?: string };

export function deciderSpec<C, E, S>(decider: AnyDecider<C, E, S>) {
  return {
    given: (events: readonly E[]) => ({
      when: (command: C) => {
        const decide = () => decider.decide(command, foldEvents(decider, events));
        return {
          then: (expected: readonly E[]) => expect(decide()).toEqual(expected),
          thenNothing: () => expect(decide()).toEqual([]),
          thenThrows: (code: string, refusal: ExpectedRefusal = {}) => expectRefusal(decide, code, refusal),
        };
      },
    }),
  };
}

/** The state a list of recorded events folds into, for tests of `evolve`. */
export function foldEvents<C, E, S>(decider: AnyDecider<C, E, S>, events: readonly E[]): S {
  return events.reduce(decider.evolve, decider.initialState());
}

function expectRefusal(decide: () => unknown, code: string, refusal: ExpectedRefusal): void {
  let thrown: unknown;
  try {
    decide();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toMatchObject({ name: 'DomainError', code, ...refusal });
}
