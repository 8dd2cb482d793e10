// Many visitors at once on the built playground's production server: every
// answer shows only its own visitor, and logged-in pages are never cached.
import { $fetch, fetch as fetchPage } from '@nuxt/test-utils/e2e'
import { describe, expect, it } from 'vitest'
import { alice, bob } from '../support/accounts'
import { loginDirectly, reportFigure, useTestBackend } from '../support/backend'
import { setupPlayground } from '../support/playground'

const backend = useTestBackend()
await setupPlayground(backend)

const ROUNDS = 10
const CONCURRENT = 50

describe('per-request state under load', () => {
  it(`keeps ${ROUNDS} rounds of ${CONCURRENT} concurrent visitors apart`, async () => {
    const tokens = {
      alice: await loginDirectly(backend, 'customer', alice),
      bob: await loginDirectly(backend, 'customer', bob),
    }
    const emails = { alice: alice.email, bob: bob.email }
    const visitors = ['alice', 'bob', 'anonymous'] as const
    const counts = { alice: 0, bob: 0, anonymous: 0, wrong: 0 }

    for (let round = 0; round < ROUNDS; round++) {
      const requests = Array.from({ length: CONCURRENT }, (_, index) => {
        const visitor = visitors[(index + round) % visitors.length]!
        const headers: Record<string, string> = visitor === 'anonymous' ? {} : { cookie: `medusa_auth_token=${tokens[visitor]}` }
        return $fetch<string>('/account', { headers }).then(html => ({ visitor, html }))
      })
      for (const { visitor, html } of await Promise.all(requests)) {
        const shown = (Object.keys(emails) as Array<keyof typeof emails>).filter(name => html.includes(emails[name]))
        const expected = visitor === 'anonymous' ? [] : [visitor]
        if (JSON.stringify(shown) === JSON.stringify(expected) && !html.includes(visitor === 'alice' ? tokens.bob : tokens.alice)) counts[visitor]++
        else counts.wrong++
      }
    }

    await reportFigure(`isolation: ${ROUNDS * CONCURRENT} requests; alice ${counts.alice}, bob ${counts.bob}, anonymous ${counts.anonymous}, wrong ${counts.wrong}`)
    expect(counts.wrong).toBe(0)
    expect(counts.alice + counts.bob + counts.anonymous).toBe(ROUNDS * CONCURRENT)
  })

  it('sends a logged-in page with Cache-Control: private, no-store, and an anonymous one without it', async () => {
    const token = await loginDirectly(backend, 'customer', alice)
    const personal = await fetchPage('/account', { headers: { cookie: `medusa_auth_token=${token}` } })
    expect(personal.headers.get('cache-control')).toBe('private, no-store')
    expect(personal.headers.get('vary')?.toLowerCase()).toContain('cookie')

    const anonymous = await fetchPage('/')
    expect(anonymous.headers.get('cache-control')).not.toBe('private, no-store')
  })

  it('puts no token in an anonymous page, and only the visitor\'s own cookie token in theirs', async () => {
    const token = await loginDirectly(backend, 'customer', alice)
    const anonymous = await $fetch<string>('/')
    expect(anonymous).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/)
    const personal = await $fetch<string>('/', { headers: { cookie: `medusa_auth_token=${token}` } })
    const tokensInPage = personal.match(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/g) ?? []
    expect(new Set(tokensInPage)).toEqual(new Set([token]))
  })
})
