import { describe, expect, it } from 'vitest'
import { isAllowedLocation, safeRedirectPath } from '../../src/runtime/utils/redirect'
import { reportFigure } from '../support/backend'
import { adversarialRedirects, hostileLocations, staysOnSite } from '../support/redirect-corpus'

const FALLBACK = '/fallback'

describe('safeRedirectPath', () => {
  it.each([
    ['/account'],
    ['/account?tab=orders#recent'],
    ['/search?q=red%20shoes'],
    ['/a/b/c'],
    ['/javascript:alert(1)'],
  ])('lets the same-site path %s through unchanged', (path) => {
    expect(safeRedirectPath(path, FALLBACK)).toBe(path)
  })

  it('normalizes dot segments and encodes non-ASCII like a browser', () => {
    expect(safeRedirectPath('/a/../b', FALLBACK)).toBe('/b')
    expect(safeRedirectPath('/produkte/müsli', FALLBACK)).toBe('/produkte/m%C3%BCsli')
  })

  it('falls back to "/" when the fallback itself is not a safe path', () => {
    expect(safeRedirectPath('//evil.example', '//evil.example')).toBe('/')
  })

  const inputs = adversarialRedirects()

  it(`keeps all ${inputs.length} adversarial inputs on the site`, async () => {
    const escaped = inputs.filter((input) => {
      const result = safeRedirectPath(input, FALLBACK)
      return result !== FALLBACK && !staysOnSite(result, 'https://shop.example')
    })
    await reportFigure(`safeRedirectPath: ${inputs.length} adversarial inputs, ${escaped.length} escaped`)
    expect(inputs.length).toBeGreaterThanOrEqual(1000)
    expect(escaped).toEqual([])
  })

  it.each([
    '//evil.example', '///evil.example', '/\\evil.example', '\\\\evil.example', '/%2F%2Fevil.example',
    '/%252F%252Fevil.example', '/%5Cevil.example', '/\t/evil.example', '/%09/evil.example', '/.//evil.example',
    '/a/..//evil.example', 'https://evil.example', 'javascript:alert(1)', 'data:text/html,x', '／／evil.example',
    '/\u3000/evil.example', 'evil.example', '',
  ])('refuses %j', (input) => {
    expect(safeRedirectPath(input, FALLBACK)).toBe(FALLBACK)
  })
})

describe('isAllowedLocation', () => {
  const allowed = ['accounts.google.com', 'github.com', 'api.shop.example']
  const google = 'https://accounts.google.com/o/oauth2/v2/auth?client_id=x&state=abc'

  it.each([
    google,
    'https://github.com/login/oauth/authorize?client_id=x',
    'https://ACCOUNTS.GOOGLE.COM/o/oauth2/v2/auth',
    'https://accounts.google.com:443/o/oauth2',
  ])('allows %s', (location) => {
    expect(isAllowedLocation(location, allowed)).toBe(true)
  })

  it.each(hostileLocations)('refuses %s', (_, location) => {
    expect(isAllowedLocation(location, allowed)).toBe(false)
  })

  it('lets a listed loopback host use http and any port, and only that host', () => {
    const local = [...allowed, '127.0.0.1', 'localhost', '[::1]']
    expect(isAllowedLocation('http://127.0.0.1:9400/auth?x=1', local)).toBe(true)
    expect(isAllowedLocation('http://localhost:3000/', local)).toBe(true)
    expect(isAllowedLocation('http://[::1]:8080/', local)).toBe(true)
    expect(isAllowedLocation('http://127.0.0.1:9400/', allowed)).toBe(false)
    expect(isAllowedLocation('http://127.0.0.2:9400/', local)).toBe(false)
    expect(isAllowedLocation('http://user@127.0.0.1:9400/', local)).toBe(false)
    expect(isAllowedLocation('ftp://127.0.0.1/', local)).toBe(false)
  })
})
