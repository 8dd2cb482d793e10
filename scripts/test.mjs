// `vitest run` with its whole output kept in test/.tmp/output/vitest.log
// (the app servers and Medusa write their logs beside it), then the scan
// for secrets in all of it; then the same on Nuxt 3 (scripts/nuxt3.mjs).
// Arguments go to vitest, on both.
import { spawn } from 'node:child_process'
import { appendFileSync, createWriteStream, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { scanLogs } from '../test/support/secret-scan.mjs'
import { copy as nuxt3Copy, NUXT3, testOnNuxt3 } from './nuxt3.mjs'

const outputDir = fileURLToPath(new URL('../test/.tmp/output', import.meta.url))
rmSync(outputDir, { recursive: true, force: true })
mkdirSync(outputDir, { recursive: true })
const log = createWriteStream(`${outputDir}/vitest.log`)

const vitest = spawn('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: ['inherit', 'pipe', 'pipe'] })
vitest.stdout.on('data', (chunk) => {
  process.stdout.write(chunk)
  log.write(chunk)
})
vitest.stderr.on('data', (chunk) => {
  process.stderr.write(chunk)
  log.write(chunk)
})
const status = await new Promise(resolve => vitest.on('close', code => resolve(code ?? 1)))
await new Promise(resolve => log.end(resolve))

const { files, lines, found } = scanLogs(outputDir)
const summary = `secrets: ${lines} lines of output in ${files} logs scanned, ${found.length} secrets found`
console.log(summary)
appendFileSync(fileURLToPath(new URL('../test/.tmp/figures.txt', import.meta.url)), `${summary}\n`)
for (const hit of found) console.log(`  ${hit.file}:${hit.line}: ${hit.name}`)
const ownStatus = status !== 0 ? status : found.length ? 1 : 0

// The other end of the supported range, unless this is that run already.
if (process.env.MEDUSA_AUTH_TEST_NUXT3 === 'inside') process.exit(ownStatus)
if (process.env.MEDUSA_AUTH_TEST_NUXT3 === 'skip') {
  console.log('[nuxt3] NOT RUN: MEDUSA_AUTH_TEST_NUXT3=skip')
  process.exit(ownStatus)
}
const args = process.argv.slice(2)
const reportFlag = args.find(arg => arg.startsWith('--outputFile.json='))
const nuxt3Args = reportFlag ? args : [...args, '--reporter=default', '--reporter=json', '--outputFile.json=test/.tmp/vitest-report.json']
let nuxt3Status
try {
  nuxt3Status = testOnNuxt3(nuxt3Args)
}
catch (error) {
  console.error(error.message)
  nuxt3Status = 1
}
let nuxt3Summary = `nuxt ${NUXT3.nuxt}: the run wrote no report (exit ${nuxt3Status})`
try {
  const report = JSON.parse(readFileSync(join(nuxt3Copy, reportFlag ? reportFlag.split('=')[1] : 'test/.tmp/vitest-report.json'), 'utf8'))
  nuxt3Summary = `nuxt ${NUXT3.nuxt}: vitest ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped`
}
catch {
  // The summary says so.
}
console.log(nuxt3Summary)
appendFileSync(fileURLToPath(new URL('../test/.tmp/figures.txt', import.meta.url)), `${nuxt3Summary}\n`)
process.exit(ownStatus || nuxt3Status)
