import { describe, expect, it } from 'vitest'
import {
  createCookieStorage,
  createMemoryStorage,
  createWebStorage,
  parseCookieHeader,
  serializeCookie,
} from '../../src/runtime/core/storage'
import type { CookieAttributes, CookieJar } from '../../src/runtime/core/storage'
import type { MedusaAuthClaims } from '../../src/runtime/core/token'

const inOneHour = Math.floor(Date.now() / 1000) + 3600
const claims = { exp: inOneHour } as MedusaAuthClaims

class ThrowingStorage {
  getItem(): never {
    throw new Error('SecurityError')
  }

  setItem(): never {
    throw new Error('QuotaExceededError')
  }

  removeItem(): never {
    throw new Error('SecurityError')
  }
}

describe('memory storage', () => {
  it('keeps one token', () => {
    const storage = createMemoryStorage()
    storage.set('a.b.c', claims)
    expect(storage.get()).toBe('a.b.c')
    storage.remove()
    expect(storage.get()).toBeNull()
  })
})

describe('web storage', () => {
  it('uses the given Storage under the key', () => {
    const items = new Map<string, string>()
    const fake = {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
      removeItem: (key: string) => void items.delete(key),
    } as Storage
    const storage = createWebStorage(() => fake, 'medusa_auth_token')
    storage.set('a.b.c', claims)
    expect(items.get('medusa_auth_token')).toBe('a.b.c')
    expect(storage.get()).toBe('a.b.c')
    storage.remove()
    expect(items.size).toBe(0)
  })

  it('falls back to memory when every call throws', () => {
    const storage = createWebStorage(() => new ThrowingStorage() as unknown as Storage, 'k')
    storage.set('a.b.c', claims)
    expect(storage.get()).toBe('a.b.c')
    storage.remove()
    expect(storage.get()).toBeNull()
  })

  it('falls back to memory where there is no window (SSR)', () => {
    const storage = createWebStorage(() => undefined, 'k')
    expect(storage.get()).toBeNull()
  })
})

describe('cookie storage', () => {
  function recordingJar() {
    const writes: Array<{ name: string, value: string, attributes: CookieAttributes }> = []
    const jar: CookieJar = {
      get: name => writes.findLast(write => write.name === name)?.value,
      set: (name, value, attributes) => void writes.push({ name, value, attributes }),
    }
    return { jar, writes }
  }

  it('writes Path=/, SameSite=Lax and a lifetime that ends at exp', () => {
    const { jar, writes } = recordingJar()
    createCookieStorage(jar, 'medusa_auth_token', { secure: false }).set('a.b.c', claims)
    const [write] = writes
    expect(write?.attributes).toMatchObject({ path: '/', sameSite: 'lax', secure: false })
    expect(write?.attributes.expires?.getTime()).toBe(inOneHour * 1000)
    expect(write?.attributes.maxAge).toBeLessThanOrEqual(3600)
    expect(write?.attributes.maxAge).toBeGreaterThan(3590)
  })

  it('is Secure on an https site and removes itself with an expired cookie', () => {
    const { jar, writes } = recordingJar()
    const storage = createCookieStorage(jar, 'medusa_auth_token', { secure: true })
    storage.set('a.b.c', claims)
    storage.remove()
    expect(writes.map(write => write.attributes.secure)).toEqual([true, true])
    expect(writes[1]).toMatchObject({ value: '', attributes: { maxAge: 0 } })
    expect(storage.get()).toBeNull()
  })

  it('serializes and parses cookies', () => {
    const header = serializeCookie('medusa_auth_token', 'a.b.c', {
      path: '/',
      sameSite: 'lax',
      secure: true,
      expires: new Date(0),
      maxAge: 0,
    })
    expect(header).toBe('medusa_auth_token=a.b.c; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; SameSite=Lax; Secure')
    expect(parseCookieHeader('x=1; medusa_auth_token=a.b.c; broken=%E0%A4%A')).toEqual({ x: '1', medusa_auth_token: 'a.b.c' })
    const hostile = parseCookieHeader('__proto__=1')
    expect(Object.getPrototypeOf(hostile)).toBeNull()
    expect(Object.keys(hostile)).toEqual(['__proto__'])
  })
})
