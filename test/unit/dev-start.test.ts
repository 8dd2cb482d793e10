// The module's warning when the dev server starts in session mode with
// Medusa on another site: the real module, loaded by Nuxt.
import { fileURLToPath } from 'node:url'
import { loadNuxt, logger } from '@nuxt/kit'
import { afterAll, describe, expect, it } from 'vitest'

// Nuxt's logger and every tagged one made from it, the module's included, share their reporters.
const warnings: string[] = []
const recorder = {
  log: (entry: { type: string, args: unknown[] }) => {
    if (entry.type === 'warn') warnings.push(entry.args.join(' '))
  },
}
logger.addReporter(recorder)
afterAll(() => {
  logger.removeReporter(recorder)
})

async function startDev(medusaAuth: Record<string, unknown>, listenerUrl: string) {
  warnings.length = 0
  const nuxt = await loadNuxt({
    cwd: fileURLToPath(new URL('../../playground', import.meta.url)),
    dev: true,
    ready: true,
    overrides: { medusaAuth },
  })
  await nuxt.callHook('listen', {} as never, { url: listenerUrl })
  await nuxt.close()
  return warnings.filter(warning => warning.includes('Session mode'))
}

describe('dev start', () => {
  it('warns when session mode points at a Medusa server on another site, naming cookieOptions.domain', async () => {
    const found = await startDev({ type: 'session', baseUrl: 'https://api.other-site.com' }, 'http://localhost:3000/')
    expect(found).toHaveLength(1)
    expect(found[0]).toContain('cookieOptions.domain')
  })

  it('is silent in session mode on one host, and in jwt mode', async () => {
    expect(await startDev({ type: 'session', baseUrl: 'http://localhost:9000' }, 'http://localhost:3000/')).toEqual([])
    expect(await startDev({ type: 'jwt', baseUrl: 'https://api.other-site.com' }, 'http://localhost:3000/')).toEqual([])
  })

  it('registers the Nuxt DevTools tab, whose page the dev server serves', async () => {
    const nuxt = await loadNuxt({
      cwd: fileURLToPath(new URL('../../playground', import.meta.url)),
      dev: true,
      ready: true,
    })
    const tabs: Array<{ name: string, view: { type: string, src: string } }> = []
    await (nuxt.callHook as unknown as (name: string, tabs: unknown[]) => Promise<void>)('devtools:customTabs', tabs)
    const routes = nuxt.options.devServerHandlers.map(handler => handler.route)
    await nuxt.close()
    expect(tabs).toEqual([expect.objectContaining({ name: 'medusa-auth', view: { type: 'iframe', src: '/__medusa-auth/devtools' } })])
    expect(routes).toContain('/__medusa-auth/devtools')
  })
})
