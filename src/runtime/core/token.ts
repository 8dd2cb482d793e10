/** The claims of a Medusa auth token that the module relies on. */
export interface MedusaAuthClaims {
  /** The customer or user id; `""` until the actor exists (after register or a first third-party login). */
  actor_id: string
  /** `customer`, `user`, or a custom actor type. */
  actor_type: string
  auth_identity_id: string
  /** The provider that issued the identity, e.g. `emailpass` or `google`. */
  auth_provider: string
  /** Seconds since the epoch. */
  exp: number
  iat?: number
  app_metadata?: Record<string, unknown>
  /** The third-party profile (name, email, picture) of an OAuth identity. */
  user_metadata?: Record<string, unknown>
  [claim: string]: unknown
}

function decodeBase64Url(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/')
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4)
  const binary = atob(padded)
  const bytes = Uint8Array.from(binary, character => character.charCodeAt(0))
  return new TextDecoder().decode(bytes)
}

/**
 * Reads the claims of a Medusa JWT without verifying its signature (only
 * Medusa can). Anything that is not a three-part token carrying the claims
 * above gives `null`.
 */
export function decodeToken(token: unknown): MedusaAuthClaims | null {
  if (typeof token !== 'string' || token.length > 16_384) return null
  const parts = token.split('.')
  if (parts.length !== 3 || parts.some(part => !/^[\w-]+$/.test(part))) return null

  let claims: unknown
  try {
    claims = JSON.parse(decodeBase64Url(parts[1]!))
  }
  catch {
    return null
  }
  if (!claims || typeof claims !== 'object' || Array.isArray(claims)) return null

  const { actor_id, actor_type, auth_identity_id, auth_provider, exp } = claims as Record<string, unknown>
  const valid = typeof actor_id === 'string'
    && typeof actor_type === 'string'
    && typeof auth_identity_id === 'string'
    && typeof auth_provider === 'string'
    && typeof exp === 'number' && Number.isFinite(exp)
  return valid ? (claims as MedusaAuthClaims) : null
}

/** Whether the token has expired, or will within `marginSeconds`. */
export function isExpired(claims: Pick<MedusaAuthClaims, 'exp'>, marginSeconds = 0, now = Date.now()): boolean {
  return claims.exp * 1000 - marginSeconds * 1000 <= now
}
