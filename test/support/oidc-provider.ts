// Clicking through the local OpenID provider (../medusa/oidc-provider.mjs)
// as a person does.
import type { Page } from 'playwright-core'

export { OIDC_CLIENT, oidcEmailFor, startOidcProvider } from '../medusa/oidc-provider.mjs'

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
