// The runtime builds for an edge preset: the playground (module, SDK plugin
// and all) built for Cloudflare Workers imports nothing of Node's, and the
// module's runtime source uses no Node-only global.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadNuxt } from '@nuxt/kit'
import { build } from 'nuxt'
import { afterAll, describe, expect, it } from 'vitest'
import { reportFigure } from '../support/backend'

const NODE_BUILTINS = ['assert', 'async_hooks', 'buffer', 'child_process', 'crypto', 'dns', 'events', 'fs', 'http', 'https', 'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'stream', 'tls', 'url', 'util', 'worker_threads', 'zlib']
const IMPORT_OF_NODE = new RegExp(`(?:from|import|require)[\\s(]*["'](?:node:[\\w/]+|(?:${NODE_BUILTINS.join('|')})(?:/\\w+)?)["']`, 'g')

function filesUnder(dir: string, suffix: RegExp): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile() && suffix.test(entry.name))
    .map(entry => join(entry.parentPath, entry.name))
}

const scratch = mkdtempSync(join(tmpdir(), 'medusa-auth-edge-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('an edge build', () => {
  it('builds the playground for cloudflare-module with no import of a Node built-in', async () => {
    const nuxt = await loadNuxt({
      cwd: fileURLToPath(new URL('../../playground', import.meta.url)),
      overrides: {
        buildDir: join(scratch, '.nuxt'),
        nitro: { preset: 'cloudflare-module', output: { dir: join(scratch, 'output') } },
      },
    })
    await build(nuxt)
    await nuxt.close()

    const serverFiles = filesUnder(join(scratch, 'output/server'), /\.m?js$/)
    expect(serverFiles.length).toBeGreaterThan(0)
    const imports = serverFiles.flatMap(file => readFileSync(file, 'utf8').match(IMPORT_OF_NODE) ?? [])
    expect(imports).toEqual([])
    // The module's code is in there: its server routes' handler.
    expect(serverFiles.some(file => readFileSync(file, 'utf8').includes('/api/_medusa-auth'))).toBe(true)
    await reportFigure(`edge build (cloudflare-module): ${serverFiles.length} server files, ${imports.length} imports of Node built-ins`)
  }, 300_000)

  it('keeps Node-only globals out of the module\'s runtime source', () => {
    const runtime = fileURLToPath(new URL('../../src/runtime', import.meta.url))
    const uses = filesUnder(runtime, /\.(?:ts|vue)$/).flatMap((file) => {
      const source = readFileSync(file, 'utf8')
      return [...source.matchAll(/\b(?:Buffer\b|__dirname\b|__filename\b|require\(|process\.(?!env\b)|setImmediate\b)/g)].map(match => `${file}: ${match[0]}`)
    })
    expect(uses).toEqual([])
    expect(filesUnder(runtime, /\.(?:ts|vue)$/).flatMap(file => readFileSync(file, 'utf8').match(IMPORT_OF_NODE) ?? [])).toEqual([])
  })
})
