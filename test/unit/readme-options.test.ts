// The README's options table matches the module: every option of
// ModuleOptions (src/module.ts) has its row, with the module's default and
// the environment variable that the runtime config maps to it.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import medusaAuth from '../../src/module'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const moduleSource = readFileSync(new URL('../../src/module.ts', import.meta.url), 'utf8')

/** The rows of the table under `## Options`: option → [default, environment variable]. */
function optionRows(): Map<string, [string, string]> {
  const section = readme.slice(readme.indexOf('## Options'), readme.indexOf('\n## ', readme.indexOf('## Options') + 1))
  const rows = new Map<string, [string, string]>()
  for (const line of section.split('\n')) {
    const cells = line.split('|').map(cell => cell.trim())
    const option = /^`(\w+)`$/.exec(cells[1] ?? '')?.[1]
    if (option) rows.set(option, [cells[2]!, cells[3]!])
  }
  return rows
}

/** The options of `interface ModuleOptions`, with the `@default` of their JSDoc. */
function documentedOptions(): Map<string, string> {
  const body = moduleSource.slice(moduleSource.indexOf('export interface ModuleOptions {'), moduleSource.indexOf('\n}\n'))
  const options = new Map<string, string>()
  for (const match of body.matchAll(/@default (.+)\n\s*\*\/\n\s*(\w+):/g)) options.set(match[2]!, match[1]!.trim())
  return options
}

describe('the README\'s options table', () => {
  it('has a row for every option, with the JSDoc\'s default and the module\'s own', async () => {
    const defaults = await medusaAuth.getOptions?.({}, { options: {} } as never) as unknown as Record<string, unknown>
    const rows = optionRows()
    const documented = documentedOptions()
    expect([...rows.keys()].sort()).toEqual([...documented.keys()].sort())
    for (const [option, jsdocDefault] of documented) {
      expect(rows.get(option)?.[0], option).toBe(`\`${jsdocDefault}\``)
      expect(JSON.stringify(defaults[option]).replaceAll('"', '\''), option).toBe(jsdocDefault)
    }
  })

  it('names the environment variable of every option that the runtime config holds', () => {
    for (const [option, [, variable]] of optionRows()) {
      if (option === 'callbackPage') continue // build time only
      const name = `NUXT_PUBLIC_MEDUSA_AUTH_${option.replace(/[A-Z]/g, letter => `_${letter}`).toUpperCase()}`
      expect(variable, option).toContain(`\`${name}\``)
    }
  })
})
