import { parseCookieHeader, serializeCookie } from './core/storage'
import type { CookieJar } from './core/storage'

/** The browser's own cookies, through `document.cookie`. */
export function createDocumentCookieJar(): CookieJar {
  return {
    get: name => parseCookieHeader(document.cookie)[name],
    set: (name, value, attributes) => {
      document.cookie = serializeCookie(name, value, attributes)
    },
  }
}
