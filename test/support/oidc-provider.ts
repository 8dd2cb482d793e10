// A real OpenID provider on 127.0.0.1 (the oidc-provider package), for the
// third-party round trip through Medusa's own OIDC auth provider.
import type { AddressInfo } from 'node:net'
import Provider from 'oidc-provider'
import type { Page } from 'playwright-core'

export const OIDC_CLIENT = { id: 'medusa-auth-test', secret: 'medusa-auth-test-secret' }

/** Every login name the test types is an account, with this email. */
export const oidcEmailFor = (login: string) => `${login}@oidc.medusa-auth.test`

export async function startOidcProvider(port: number) {
  const issuer = `http://127.0.0.1:${port}`
  const provider = new Provider(issuer, {
    clients: [{
      client_id: OIDC_CLIENT.id,
      client_secret: OIDC_CLIENT.secret,
      // A native client may come back to any port of the loopback host.
      application_type: 'native',
      redirect_uris: ['http://127.0.0.1/auth/callback/oidc'],
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['authorization_code'],
      response_types: ['code'],
    }],
    async findAccount(_: unknown, login: string) {
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
    port: (server.address() as AddressInfo).port,
    stop: () => new Promise<void>(resolve => server.close(() => resolve())),
  }
}

/**
 * On a login page of the playground: the OpenID button, then the provider's
 * own login and consent pages, as a person clicks through them. The browser
 * is then on its way back to the app's callback page.
 */
export async function clickThroughOidcLogin(page: Page, issuer: string, login: string) {
  // The provider's pages ask for web fonts, which this machine cannot reach.
  await page.route(/fonts\.googleapis\.com/, route => route.abort())
  await page.click('[data-provider=oidc]')
  await page.waitForURL(current => current.origin === issuer, { waitUntil: 'domcontentloaded' })
  await page.fill('input[name=login]', login)
  await page.fill('input[name=password]', 'any password')
  await page.click('button[type=submit]')
  await page.waitForSelector('input[name=prompt][value=consent]', { state: 'attached' })
  await page.click('button[type=submit]')
}
