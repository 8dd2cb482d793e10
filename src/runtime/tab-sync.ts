// Tells the other tabs of the site when this one logs in, refreshes or logs
// out, so that they re-read their state. A message carries no token.
import type { MedusaAuthChange } from './core/auth'

const CHANNEL_NAME = 'medusa-auth'
/** Where browsers without BroadcastChannel hear of changes, through the storage event. */
const STORAGE_KEY = 'medusa-auth:change'
const CHANGES: readonly MedusaAuthChange[] = ['login', 'refresh', 'logout']

function readChange(data: unknown): MedusaAuthChange | null {
  const change = (data as { change?: unknown } | null)?.change
  return CHANGES.includes(change as MedusaAuthChange) ? (change as MedusaAuthChange) : null
}

/** Listens for other tabs' changes; a browser where BroadcastChannel or web storage throws still works, without them. */
export function createTabSync(onChangeElsewhere: (change: MedusaAuthChange) => void) {
  const hear = (data: unknown) => {
    const change = readChange(data)
    if (change) onChangeElsewhere(change)
  }

  let channel: BroadcastChannel | undefined
  try {
    channel = new BroadcastChannel(CHANNEL_NAME)
    channel.onmessage = event => hear(event.data)
  }
  catch {
    channel = undefined
  }

  if (!channel) {
    try {
      window.addEventListener('storage', (event) => {
        if (event.key !== STORAGE_KEY || !event.newValue) return
        try {
          hear(JSON.parse(event.newValue))
        }
        catch {
          // Not a message of ours.
        }
      })
    }
    catch {
      // No way to hear other tabs: this tab still works on its own.
    }
  }

  return {
    announce(change: MedusaAuthChange) {
      try {
        if (channel) {
          channel.postMessage({ change })
          return
        }
        // A new value each time, or the storage event does not fire.
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ change, at: Date.now() }))
      }
      catch {
        // Other tabs catch up on their next page load.
      }
    },
  }
}
