import type { MedusaAuthError } from './core/errors'
import type { MedusaAuthClaims } from './core/token'

/** The context of the `medusa-auth:actor-missing` hook: set `handled` to create the actor yourself. */
export interface MedusaAuthActorMissingContext {
  actor: string
  provider: string
  claims: MedusaAuthClaims
  handled: boolean
}

/** `medusa-auth:login` and `medusa-auth:refresh`: this tab's visitor now holds these claims. */
export interface MedusaAuthLoginContext {
  claims: MedusaAuthClaims | null
}

/**
 * `medusa-auth:error`: a `$medusaAuth` method rejected with this error (it
 * still rejects), or, as method `transferCart`, the guest cart could not be
 * handed over after a login (the login stands).
 */
export interface MedusaAuthErrorContext {
  method: string
  error: MedusaAuthError
}
