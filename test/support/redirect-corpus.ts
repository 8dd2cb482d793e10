// A generated corpus of open-redirect payloads, and the oracle that says
// whether a path a module gives back stays on the site however it is read;
// and third-party locations that must not pass an allowlist.

const GOOGLE = 'https://accounts.google.com/o/oauth2/v2/auth?client_id=x&state=abc'
/** Every way a browser or a later decode could read `target`: all must stay on the site. */
export function staysOnSite(target: string, site: string): boolean {
  let layer = target
  for (let depth = 0; depth < 3; depth++) {
    if (!layer.startsWith('/') || layer[1] === '/' || layer[1] === '\\') return false
    if (new URL(layer, site).origin !== site) return false
    // What a browser does to tabs and newlines before it parses.
    if (new URL(layer.replace(/[\t\n\r]/g, ''), site).origin !== site) return false
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
  // dotless, numeric, ideographic and mixed-case hosts
  'localhost', 'evil', '0x7f000001', '017700000001', 'evil．example', 'EvIl.ExAmPlE',
]

const schemes = [
  'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)',
  ' javascript:alert(1)', '\0javascript:alert(1)', 'javascript://%0aalert(1)', 'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox(1)', 'file:///etc/passwd', 'blob:https://evil.example/x',
  'http://evil.example', 'https://evil.example', 'HTTPS://evil.example', 'https:evil.example', 'http:/evil.example',
  'ftp://evil.example', 'ws://evil.example', 'about:blank', 'mailto:x@evil.example', 'tel:123',
  'livescript:alert(1)', 'mocha:alert(1)', 'view-source:https://evil.example', 'intent://evil.example#Intent;end',
  'jar:https://evil.example!/', 'data:image/svg+xml,<svg onload=alert(1)>', 'ｊａｖａｓｃｒｉｐｔ:alert(1)',
]

function encodings(value: string): string[] {
  const once = encodeURIComponent(value)
  return [value, once, encodeURIComponent(once), value.toUpperCase()]
}

/** At least 1,000 open-redirect payloads, and a few values that are not strings at all. */
export function adversarialRedirects(): unknown[] {
  const inputs: unknown[] = []
  for (const prefix of prefixes) for (const host of hosts) inputs.push(prefix + host)
  for (const scheme of schemes) inputs.push(...encodings(scheme), `/${encodeURIComponent(scheme)}`)
  inputs.push(
    ['/account'], ['//evil.example'], { toString: () => '//evil.example' }, 42, null, undefined, true, '',
    `/${'a'.repeat(2048)}`, `//${'a'.repeat(3000)}`, new String('//evil.example'), Symbol.for('x'),
  )
  return inputs
}

/**
 * Third-party `location` answers that must not pass an allowlist of
 * `accounts.google.com`, `github.com` and `api.shop.example`: [what it tries, the value].
 */
export const hostileLocations: Array<[string, unknown]> = [
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
  ['an array', [GOOGLE]],
  ['an object', { toString: () => GOOGLE }],
  ['null', null],
  ['an unlisted loopback host', 'http://localhost:9000/'],
]
