// Scale-out: two production servers of the same playground build behind a
// round-robin proxy serve one logged-in visitor identically, since the
// module keeps nothing about a visitor in server memory between requests.
import { spawn } from 'node:child_process'
import { createServer, request as forward } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getBrowser, useTestContext } from '@nuxt/test-utils/e2e'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../medusa/harness.mjs'
import { alice } from '../support/accounts'
import { reportFigure, useTestBackend } from '../support/backend'
import { setupPlayground } from '../support/playground'

const backend = useTestBackend()
await setupPlayground(backend)

/** A second server of the build the test utilities made, with the same environment. */
async function startSecondInstance() {
  const context = useTestContext()
  const port = await freePort()
  const child = spawn('node', [`${context.nuxt!.options.nitro.output!.dir}/server/index.mjs`], {
    env: { ...process.env, ...context.options.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'test' },
    stdio: 'ignore',
  })
  const url = `http://127.0.0.1:${port}`
  for (let attempt = 0; attempt < 200 && !(await fetch(url).then(() => true, () => false)); attempt++) {
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  return { url, stop: () => child.kill() }
}

/** Sends each request to the next of `targets` in turn, and counts what each served. */
async function startRoundRobin(targets: string[]) {
  const served = targets.map(() => 0)
  let next = 0
  const server = createServer((incoming, outgoing) => {
    const index = next++ % targets.length
    served[index]!++
    const target = new URL(incoming.url ?? '/', targets[index])
    const proxied = forward(target, { method: incoming.method, headers: { ...incoming.headers, host: target.host } }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(outgoing)
    })
    proxied.on('error', () => outgoing.destroy())
    incoming.pipe(proxied)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    stop: () => new Promise<void>(resolve => server.close(() => resolve())),
  }
}

// After the test utilities' own beforeAll, which builds and starts the first instance.
let second: Awaited<ReturnType<typeof startSecondInstance>>
let balancer: Awaited<ReturnType<typeof startRoundRobin>>
beforeAll(async () => {
  second = await startSecondInstance()
  balancer = await startRoundRobin([new URL(useTestContext().url!).origin, second.url])
})
afterAll(async () => {
  await balancer?.stop()
  second?.stop()
})

describe('two instances behind a round-robin proxy', () => {
  it('serve one logged-in visitor identically, page after page', async () => {
    const context = await (await getBrowser()).newContext()
    const page = await context.newPage()
    await page.goto(`${balancer.url}/login?redirect=/account`, { waitUntil: 'networkidle' })
    await page.fill('input[type=email]', alice.email)
    await page.fill('input[type=password]', alice.password)
    await page.click('button[type=submit]')
    await page.waitForURL(`${balancer.url}/account`)

    const shown: string[] = []
    for (let load = 0; load < 10; load++) {
      await page.goto(`${balancer.url}/account`)
      shown.push((await page.locator('[data-test=email]').textContent())?.trim() ?? '')
    }
    expect(shown).toEqual(Array.from({ length: 10 }, () => alice.email))
    expect(balancer.served.every(count => count > 0)).toBe(true)
    await reportFigure(`scale-out: 10 logged-in page loads through a round-robin proxy, instance requests ${balancer.served.join(' / ')}, ${shown.filter(email => email !== alice.email).length} wrong`)
    await context.close()
  })
})
