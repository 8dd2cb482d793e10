import { defineStore } from 'pinia'
import type { MedusaAuthState } from '../core/auth'

/**
 * Who is logged in, for this request on the server and for the page in the
 * browser. `$medusaAuth` writes it; pages and guards read it.
 */
export const useMedusaAuthStore = defineStore('medusa-auth', {
  state: (): MedusaAuthState => ({
    token: null,
    claims: null,
    status: 'unauthenticated',
    pendingStep: null,
    expiresAt: null,
  }),

  getters: {
    /** An actor is logged in and its token has not expired (less the `expiryMargin`). */
    isAuthenticated: state => state.status === 'authenticated' && state.expiresAt !== null && Date.now() < state.expiresAt,
    /** `customer`, `user`, ... of the identity, or `null`. */
    actorType: state => state.claims?.actor_type ?? null,
    /** The customer or user id, or `null` while there is no actor. */
    actorId: state => state.claims?.actor_id || null,
  },
})
