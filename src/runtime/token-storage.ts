import { getCookie, setCookie } from 'h3'
import type { H3Event } from 'h3'
import { useRequestEvent, useRequestURL } from '#app'
import type { MedusaAuthPublicConfig } from './config'
import {
  createCookieStorage,
  createDocumentCookieJar,
  createMemoryStorage,
  createWebStorage,
} from './core/storage'
import type { CookieJar, TokenStorage } from './core/storage'

/** The cookies of the request being rendered; a cookie written here is sent with its answer. */
function createRequestCookieJar(event: H3Event): CookieJar {
  const written = new Map<string, string>()
  return {
    get: name => written.get(name) ?? getCookie(event, name),
    set: (name, value, attributes) => {
      written.set(name, value)
      setCookie(event, name, value, { ...attributes, httpOnly: false })
    },
  }
}

/** The token storage for this side and, on the server, for this request alone. */
export function createTokenStorage({ storage, storageKey }: MedusaAuthPublicConfig): TokenStorage {
  switch (storage) {
    case 'memory':
      return createMemoryStorage()
    case 'local':
      return createWebStorage(() => (import.meta.client ? window.localStorage : undefined), storageKey)
    case 'session':
      return createWebStorage(() => (import.meta.client ? window.sessionStorage : undefined), storageKey)
    case 'cookie': {
      const secure = useRequestURL().protocol === 'https:'
      const event = import.meta.server ? useRequestEvent() : undefined
      const jar = event ? createRequestCookieJar(event) : createDocumentCookieJar()
      return createCookieStorage(jar, storageKey, { secure })
    }
  }
}
