import { describe, expect, it } from 'vitest'
import { sessionCookieWarning } from '../../src/site-check'

describe('sessionCookieWarning', () => {
  it.each([
    ['http://localhost:3000', 'http://localhost:9000'],
    ['https://shop.example.com', 'https://shop.example.com:9000'],
    ['http://127.0.0.1:3000/', 'http://127.0.0.1:9000'],
  ])('is silent when %s and %s share a host', (app, medusa) => {
    expect(sessionCookieWarning(app, medusa)).toBeUndefined()
  })

  it.each([
    ['https://shop.example.com', 'https://api.other.com'],
    ['https://shop.example.co.uk', 'https://api.co.uk'],
    ['https://alice.github.io', 'https://bob.github.io'],
    ['http://localhost:3000', 'http://127.0.0.1:9000'],
  ])('warns that %s and %s are two sites, naming cookieOptions.domain', (app, medusa) => {
    const warning = sessionCookieWarning(app, medusa)
    expect(warning).toContain('different sites')
    expect(warning).toContain('cookieOptions.domain')
  })

  it('names the shared site as the cookie domain for subdomains', () => {
    const warning = sessionCookieWarning('https://shop.example.co.uk', 'https://api.example.co.uk')
    expect(warning).toContain('share a site but not a host')
    expect(warning).toContain('`projectConfig.cookieOptions.domain` is ".example.co.uk"')
  })
})
