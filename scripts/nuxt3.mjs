// The other end of the Nuxt range: a copy of this tree in test/.tmp/nuxt3 on
// the newest Nuxt 3 that runs on Node 20, type-checked and tested as this
// tree is. `npm test` runs it after the Nuxt 4 run; `node scripts/nuxt3.mjs`
// alone runs only it. Arguments go to its vitest.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Nuxt and its schema move together; @nuxt/kit stays the module's own (4.x loads inside Nuxt 3). */
export const NUXT3 = { 'nuxt': '3.21.11', '@nuxt/schema': '3.21.11' }

const root = fileURLToPath(new URL('..', import.meta.url))
export const copy = join(root, 'test/.tmp/nuxt3')

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options })
  return result.status ?? 1
}

/** The tracked and untracked files (not the ignored ones) of this tree, copied afresh; node_modules kept while the lock file is the same. */
function prepareCopy() {
  const listed = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' })
  if (listed.status !== 0) throw new Error(`[nuxt3] git ls-files failed: ${listed.stderr}`)
  const stamp = createHash('sha256')
    .update(readFileSync(join(root, 'package-lock.json')))
    .update(JSON.stringify(NUXT3))
    .digest('hex')
  const stampFile = join(copy, 'node_modules/.medusa-auth-nuxt3')
  const installed = existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp

  // Everything but the installed packages goes, so that no file deleted here lingers there.
  if (installed) {
    for (const entry of readdirSync(copy)) {
      if (entry !== 'node_modules') rmSync(join(copy, entry), { recursive: true, force: true })
    }
  }
  else {
    rmSync(copy, { recursive: true, force: true })
  }
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    if (!existsSync(join(root, file))) continue
    mkdirSync(dirname(join(copy, file)), { recursive: true })
    cpSync(join(root, file), join(copy, file))
  }
  // The Medusa backend's packages are the same for both runs.
  symlinkSync(join(root, 'test/medusa/node_modules'), join(copy, 'test/medusa/node_modules'), 'dir')

  if (installed) return
  console.log(`[nuxt3] installing the module's packages with nuxt ${NUXT3.nuxt}`)
  const flags = ['--no-audit', '--no-fund']
  if (run('npm', ['ci', ...flags], { cwd: copy }) !== 0) throw new Error('[nuxt3] npm ci failed')
  const pins = Object.entries(NUXT3).map(([name, version]) => `${name}@${version}`)
  if (run('npm', ['install', '--no-save', ...flags, ...pins], { cwd: copy }) !== 0) throw new Error('[nuxt3] npm install of Nuxt 3 failed')
  writeFileSync(stampFile, stamp)
}

/** Prepares the copy and runs its type checks and tests; gives the exit status. */
export function testOnNuxt3(vitestArgs = []) {
  if (!existsSync(join(root, 'test/medusa/node_modules'))) {
    throw new Error('[nuxt3] test/medusa/node_modules is missing: run `npm ci --prefix test/medusa` first')
  }
  prepareCopy()
  const version = JSON.parse(readFileSync(join(copy, 'node_modules/nuxt/package.json'), 'utf8')).version
  if (version !== NUXT3.nuxt) throw new Error(`[nuxt3] the copy has nuxt ${version}, not ${NUXT3.nuxt}`)
  console.log(`[nuxt3] type-checking and testing on nuxt ${version}`)

  const env = {
    ...process.env,
    // Its own database, and no Nuxt 3 run inside the Nuxt 3 run.
    MEDUSA_AUTH_TEST_DATABASE: 'medusa_auth_test_nuxt3',
    MEDUSA_AUTH_TEST_NUXT3: 'inside',
  }
  delete env.MEDUSA_AUTH_TEST_BACKEND_URL
  for (const script of ['prepare:dev', 'typecheck']) {
    const status = run('npm', ['run', script], { cwd: copy, env })
    if (status !== 0) return status
  }
  return run('node', ['scripts/test.mjs', ...vitestArgs], { cwd: copy, env })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exit(testOnNuxt3(process.argv.slice(2)))
}
