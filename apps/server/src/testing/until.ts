/**
 * Polls until `done` resolves true, for conditions that need a request to check (the ledger, a
 * stored structure); fails naming `what` after `timeout` ms. For a condition that can be read at
 * once, `waitFor` from '@accord/sync/testing' does the same.
 */
export async function until(
  what: string,
  done: () => Promise<boolean>,
  timeout = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeout
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting until ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
