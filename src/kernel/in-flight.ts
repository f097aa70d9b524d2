// Work that runs on its own after whatever started it has returned (a Teams card action's answer
// sent after its invoke was answered, a scheduler tick): kept here so that stopping waits for it
// instead of closing the database under it, and a person's click is neither half done nor left
// unanswered.

export interface InFlight {
  /** Keeps `work` until it settles (it should not reject; a rejection is only dropped from the set). */
  track(work: Promise<unknown>): void;
  /** How many are still running. */
  size(): number;
  /** Resolves once nothing tracked is running, those started meanwhile included. */
  settled(): Promise<void>;
}

export function createInFlight(): InFlight {
  const running = new Set<Promise<unknown>>();
  return {
    track(work) {
      const kept = work.then(
        () => undefined,
        () => undefined,
      );
      running.add(kept);
      void kept.then(() => running.delete(kept));
    },
    size: () => running.size,
    async settled() {
      while (running.size > 0) await Promise.all(running);
    },
  };
}
