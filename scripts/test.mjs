// `vitest run` with its whole output kept in test/.tmp/output/vitest.log
// (the app servers and Medusa write their logs beside it), then the scan
// for secrets in all of it. Arguments go to vitest.
import { spawn } from 'node:child_process'
import { appendFileSync, createWriteStream, mkdirSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { scanLogs } from '../test/support/secret-scan.mjs'

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
process.exit(status !== 0 ? status : found.length ? 1 : 0)
