import type { MedusaAuthState } from './auth'

export interface AutoRefreshOptions {
  /** How long before the token stops counting the refresh starts, in milliseconds. */
  leadMs?: number
  /** The shortest wait between two refreshes, so a short-lived token cannot cause a storm. */
  minDelayMs?: number
}

/**
 * Refreshes the token shortly before it stops counting, for as long as the
 * visitor is logged in. Call `schedule()` after every change of the token.
 * A failed refresh is left to the next request: Medusa's 401 logs out, a
 * network failure changes nothing.
 */
export function createAutoRefresh(state: MedusaAuthState, refresh: () => Promise<unknown>, { leadMs = 5_000, minDelayMs = 5_000 }: AutoRefreshOptions = {}) {
  let timer: ReturnType<typeof setTimeout> | undefined

  function stop() {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }

  function schedule() {
    stop()
    if (state.status !== 'authenticated' || state.expiresAt === null) return
    // setTimeout takes at most 2^31 - 1 ms; a later refresh is rescheduled then.
    const delay = Math.min(Math.max(state.expiresAt - leadMs - Date.now(), minDelayMs), 2 ** 31 - 1)
    timer = setTimeout(() => {
      timer = undefined
      refresh().catch(() => undefined)
    }, delay)
  }

  return { schedule, stop }
}
