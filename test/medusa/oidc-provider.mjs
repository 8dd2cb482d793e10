// A real OpenID provider on 127.0.0.1 (the oidc-provider package), for the
// third-party round trip through Medusa's own OIDC auth provider: the tests'
// and the playground's stand-in for Google or GitHub. Any login name with any
// password is an account.
import Provider from 'oidc-provider'

export const OIDC_CLIENT = { id: 'medusa-auth-test', secret: 'medusa-auth-test-secret' }

/** Every login name typed is an account, with this email. */
export const oidcEmailFor = login => `${login}@oidc.medusa-auth.test`

/**
 * @param {number} port
 * @returns {Promise<{ issuer: string, port: number, stop: () => Promise<void> }>} the running provider
 */
export async function startOidcProvider(port) {
  const issuer = `http://127.0.0.1:${port}`
  const provider = new Provider(issuer, {
    clients: [{
      client_id: OIDC_CLIENT.id,
      client_secret: OIDC_CLIENT.secret,
      // A native client may come back to any port of the loopback host.
      application_type: 'native',
      redirect_uris: ['http://127.0.0.1/auth/callback/oidc', 'http://localhost/auth/callback/oidc'],
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['authorization_code'],
      response_types: ['code'],
    }],
    async findAccount(_, login) {
      return {
        accountId: login,
        claims: async () => ({ sub: login, email: oidcEmailFor(login), email_verified: true, name: `OIDC ${login}` }),
      }
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Medusa reads the email from the ID token.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['medusa-auth-test-cookie-key'] },
  })

  const server = provider.listen(port, '127.0.0.1')
  await new Promise(resolve => server.once('listening', resolve))
  return {
    issuer,
    port: server.address().port,
    stop: () => new Promise(resolve => server.close(() => resolve())),
  }
}
