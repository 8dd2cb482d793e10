// Guest cart hand-over (option `cartCookie`). The app keeps its cart's id in
// a cookie; after a customer logs in, that cart becomes the customer's, and
// after a logout the cookie goes, so that the next visitor of the browser
// starts without it.
//
// Medusa hands a cart to any customer who asks, even a cart another customer
// owns. So the module notes each cart it handed over, and to whom, in a
// cookie of its own (`<cartCookie>_customer`): a cart that this browser gave
// to one customer is never given to the next one, when the first left
// without logging out (a token that expired, a closed tab).
import type { MedusaAuthFetch } from './core/client'
import { isMedusaAuthError } from './core/errors'
import type { CookieAttributes, CookieJar } from './core/storage'
import type { MedusaAuthClaims } from './core/token'

export interface CartHandover {
  /** After a login: the cart in the cookie becomes the customer's. Rejects with Medusa's error; the login stands. */
  transfer: (claims: MedusaAuthClaims | null) => Promise<void>
  /** After a logout: the app's cart reference, and the module's note of it, go. */
  clear: () => void
}

export interface CartHandoverOptions {
  /** The app's cookie with the cart id. */
  cookie: string
  jar: CookieJar
  secure: boolean
  fetch: MedusaAuthFetch
}

/** Medusa's ids (`cart_01…`); anything else is not a cart, nor anything a request path may carry. */
const ID = /^[\w-]{1,128}$/
/** A cart a year old is no longer the visitor's care. */
const NOTE_SECONDS = 365 * 24 * 3600

export function createCartHandover({ cookie, jar, secure, fetch }: CartHandoverOptions): CartHandover {
  const noteCookie = `${cookie}_customer`
  const attributes = { path: '/', sameSite: 'lax', secure } as const
  const removed: CookieAttributes = { ...attributes, expires: new Date(0), maxAge: 0 }

  function clear() {
    if (jar.get(cookie) !== undefined) jar.set(cookie, '', removed)
    if (jar.get(noteCookie) !== undefined) jar.set(noteCookie, '', removed)
  }

  return {
    clear,

    async transfer(claims) {
      const cartId = jar.get(cookie)
      const customerId = claims?.actor_type === 'customer' ? claims.actor_id : ''
      if (!cartId || !customerId) return
      if (!ID.test(cartId)) return clear()

      const [notedCart, notedCustomer] = (jar.get(noteCookie) ?? '').split(':')
      if (notedCart === cartId) {
        // Handed over here before: to this customer it is theirs already; to another, it is not this visitor's.
        if (notedCustomer !== customerId) clear()
        return
      }

      try {
        await fetch(`/store/carts/${cartId}/customer`, { method: 'POST' })
      }
      catch (error) {
        // No such cart, or one Medusa will not hand over (completed): the reference leads nowhere.
        if (isMedusaAuthError(error) && (error.status === 404 || error.status === 400)) clear()
        throw error
      }
      jar.set(noteCookie, `${cartId}:${customerId}`, {
        ...attributes,
        expires: new Date(Date.now() + NOTE_SECONDS * 1000),
        maxAge: NOTE_SECONDS,
      })
    },
  }
}
