// A bounded wait: the adapters' budgets (a Teams invoke's 3 s, Socket Mode connecting, the work a
// stopping adapter waits for) all take what a promise gives within a time, and leave it running.

/** The value if the promise settles within `ms`, otherwise undefined (the promise runs on). */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
