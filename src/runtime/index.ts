// What an app may import directly: `import { MedusaAuthError } from 'medusa-auth/runtime'`.
export { MedusaAuthError, isMedusaAuthError } from './core/errors'
export type { MedusaAuthErrorType } from './core/errors'
export { decodeToken, isExpired } from './core/token'
export type { MedusaAuthClaims } from './core/token'
export type { LoginResult, MedusaAuth, MedusaAuthStatus } from './core/auth'
export type { MedusaAuthFetch, MedusaAuthType, MfaRequired, VerificationRequired } from './core/client'
export type { MedusaAuthPublicConfig, MedusaAuthStorage } from './config'
