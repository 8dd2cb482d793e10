/** What went wrong, in Medusa's own error types plus the module's own. */
export type MedusaAuthErrorType
  = | 'unauthorized'
    | 'not_allowed'
    | 'invalid_data'
    | 'not_found'
    | 'duplicate_error'
    | 'unknown_error'
  /** Medusa could not be reached, or the connection broke. */
    | 'network_error'
  /** Medusa answered with something this module cannot use. */
    | 'invalid_response'
  /** The module itself is configured wrongly. */
    | 'configuration_error'
    | (string & {})

export interface MedusaAuthErrorInit {
  status: number
  type: MedusaAuthErrorType
  cause?: unknown
}

/**
 * Every failure of the module rejects with this error. `status` is the HTTP
 * status (0 when no answer arrived), `type` is Medusa's error type when it
 * sent one, and `message` is Medusa's own message.
 */
export class MedusaAuthError extends Error {
  override readonly name = 'MedusaAuthError'
  readonly status: number
  readonly type: MedusaAuthErrorType

  constructor(message: string, { status, type, cause }: MedusaAuthErrorInit) {
    super(message, cause === undefined ? undefined : { cause })
    this.status = status
    this.type = type
  }
}

export function isMedusaAuthError(value: unknown): value is MedusaAuthError {
  return value instanceof MedusaAuthError
}
