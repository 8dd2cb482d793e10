import type { MedusaAuthClaims } from './core/token'

/** The context of the `medusa-auth:actor-missing` hook: set `handled` to create the actor yourself. */
export interface MedusaAuthActorMissingContext {
  actor: string
  provider: string
  claims: MedusaAuthClaims
  handled: boolean
}
