import { describe, expect, it } from 'vitest'
import { isAllowedLocation, safeRedirectPath } from '../../src/runtime/utils/redirect'
import { reportFigure } from '../support/backend'

const SITE = 'https://shop.example'
const FALLBACK = '/fallback'

/** Every way a browser or a later decode could read `target`: all must stay on the site. */
function staysOnSite(target: string): boolean {
  let layer = target
  for (let depth = 0; depth < 3; depth++) {
    if (!layer.startsWith('/') || layer[1] === '/' || layer[1] === '\\') return false
    if (new URL(layer, SITE).origin !== SITE) return false
    // What a browser does to tabs and newlines before it parses.
    if (new URL(layer.replace(/[\t\n\r]/g, ''), SITE).origin !== SITE) return false
    try {
      const decoded = decodeURIComponent(layer)
      if (decoded === layer) break
      layer = decoded
    }
    catch {
      break
    }
  }
  return true
}

const prefixes = [
  '', '/', '//', '///', '////', '\\', '\\\\', '/\\', '\\/', '/\\/', '/./', '/.//', '/../', '/..//', '/a/..//',
  '/%2F', '/%2f', '%2F%2F', '/%2F/', '/%5C', '/%5c', '%5C%5C', '/%252F', '/%255C', '/%25252F', '%252F%252F',
  '/\t/', '/\n/', '/\r/', '/\0/', '\t//', ' //', '/ /', '/%09/', '/%0A/', '/%0D/', '/%00/', '/%20/', '/%2520/',
  '\u3000//', '/\u3000/', '/\u00A0/', '/\u2028/', '/\uFEFF/', '／／', '/／', '＼＼', '/＼', '/\u2215', '/\u2044',
  '/%E3%80%80/', '/%EF%BC%8F', '/%EF%BC%BC', 'https://', 'http://', 'http:', 'https:/', '//\\', '/\\\\',
]

const hosts = [
  'evil.example', 'evil.example/account', 'user:pass@evil.example', 'shop.example@evil.example',
  '2130706433', '0x7f.1', '127.1', '[::1]', 'evil。example', 'ⓔvil.example', 'EVIL.EXAMPLE',
]

const schemes = [
  'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)',
  ' javascript:alert(1)', '\0javascript:alert(1)', 'javascript://%0aalert(1)', 'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox(1)', 'file:///etc/passwd', 'blob:https://evil.example/x',
  'http://evil.example', 'https://evil.example', 'HTTPS://evil.example', 'https:evil.example', 'http:/evil.example',
  'ftp://evil.example', 'ws://evil.example', 'about:blank', 'mailto:x@evil.example', 'tel:123',
]

function encodings(value: string): string[] {
  const once = encodeURIComponent(value)
  return [value, once, encodeURIComponent(once), value.toUpperCase()]
}

function adversarialInputs(): unknown[] {
  const inputs: unknown[] = []
  for (const prefix of prefixes) for (const host of hosts) inputs.push(prefix + host)
  for (const scheme of schemes) inputs.push(...encodings(scheme), `/${encodeURIComponent(scheme)}`)
  inputs.push(
    ['/account'], ['//evil.example'], { toString: () => '//evil.example' }, 42, null, undefined, true, '',
    `/${'a'.repeat(2048)}`, `//${'a'.repeat(3000)}`, new String('//evil.example'), Symbol.for('x'),
  )
  return inputs
}

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

  const inputs = adversarialInputs()

  it(`keeps all ${inputs.length} adversarial inputs on the site`, async () => {
    const escaped = inputs.filter((input) => {
      const result = safeRedirectPath(input, FALLBACK)
      return result !== FALLBACK && !staysOnSite(result)
    })
    await reportFigure(`safeRedirectPath: ${inputs.length} adversarial inputs, ${escaped.length} escaped`)
    expect(inputs.length).toBeGreaterThanOrEqual(400)
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

  it.each([
    ['http, not https', 'http://accounts.google.com/o/oauth2'],
    ['a look-alike suffix', 'https://accounts.google.com.evil.example/'],
    ['a look-alike prefix', 'https://evilaccounts.google.com/'],
    ['a subdomain', 'https://x.accounts.google.com/'],
    ['a parent domain', 'https://google.com/'],
    ['a trailing dot', 'https://accounts.google.com./'],
    ['user-info', 'https://user@accounts.google.com/'],
    ['user-info before the real host', 'https://accounts.google.com@evil.example/'],
    ['a password', 'https://a:b@accounts.google.com/'],
    ['another port', 'https://accounts.google.com:8443/'],
    ['an encoded dot', 'https://accounts%2Egoogle.com/'],
    ['a backslash', 'https://evil.example\\@accounts.google.com/'],
    ['a full-width dot', 'https://accounts。google。com.evil.example/'],
    ['a non-ASCII look-alike', 'https://аccounts.google.com/'],
    ['a tab', 'https://accounts.google.com\t.evil.example/'],
    ['a newline', 'https://accounts.google\n.com/'],
    ['a leading space', ' https://accounts.google.com/'],
    ['javascript:', 'javascript:alert(1)//accounts.google.com'],
    ['data:', 'data:text/html,accounts.google.com'],
    ['protocol-relative', '//accounts.google.com/'],
    ['a relative path', '/o/oauth2/v2/auth'],
    ['an unlisted host', 'https://evil.example/'],
    ['a numeric host', 'https://2130706433/'],
    ['an empty string', ''],
    ['an overlong URL', `https://accounts.google.com/${'a'.repeat(9000)}`],
    ['a number', 42],
    ['an array', [google]],
    ['an object', { toString: () => google }],
    ['null', null],
    ['an unlisted loopback host', 'http://localhost:9000/'],
  ])('refuses %s', (_, location) => {
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
