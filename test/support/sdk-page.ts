// The playground's /sdk page (the JS SDK beside the module) and its /cart
// page (guest cart hand-over), as a visitor uses them.
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { TestBackend } from './backend'

/** Until what the page shows for `sdk.store.customer.retrieve()` matches `expected`. */
export async function expectSdkAnswer(page: Page, expected: string | RegExp) {
  await expect.poll(() => page.textContent('[data-test=sdk-answer]'), { timeout: 10_000 }).toMatch(expected)
}

/** Asks the SDK again from the browser, and waits for what it shows. */
export async function askSdkAgain(page: Page, expected: string | RegExp) {
  const answered = page.waitForResponse(response => response.url().endsWith('/store/customers/me'))
  await page.click('[data-test=sdk-retrieve]')
  await answered
  await expectSdkAnswer(page, expected)
}

/** Starts a guest cart on the /cart page that `page` shows; gives its id. */
export async function startGuestCart(page: Page): Promise<string> {
  await page.click('[data-test=cart-create]')
  await expect.poll(() => page.textContent('[data-test=cart-customer]').catch(() => null), { timeout: 10_000 }).toMatch('guest')
  return (await page.textContent('[data-test=cart-id]'))!.trim()
}

/** Whom Medusa itself says the cart belongs to: a customer id, or `null` for a guest cart. */
export async function cartOwner(backend: TestBackend, cartId: string): Promise<string | null> {
  const response = await fetch(`${backend.url}/store/carts/${cartId}?fields=id,customer.id`, {
    headers: { 'x-publishable-api-key': backend.publishableKey },
  })
  const { cart } = await response.json() as { cart: { customer_id: string | null } }
  return cart.customer_id
}
