// A proxy in front of the real Medusa server that counts requests and can
// answer some of them itself, to inject the faults Medusa would not produce.
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface InjectedAnswer {
  status: number
  body?: string
  headers?: Record<string, string>
}

/**
 * Decides, per request, whether to answer it instead of Medusa (`undefined`: pass it on).
 * `'reset'`: the connection drops before any answer; `'reset-mid-body'`: after the headers
 * and part of a JSON body; `'hang'`: no answer until the client gives up.
 */
export type FaultAnswer = InjectedAnswer | 'reset' | 'reset-mid-body' | 'hang' | undefined
export type FaultRule = (request: { method: string, path: string, headers: IncomingMessage['headers'] }) => FaultAnswer | Promise<FaultAnswer>

export async function startFaultProxy(target: string) {
  const counts = new Map<string, number>()
  const hanging = new Set<Socket>()
  let rule: FaultRule = () => undefined

  async function forward(request: IncomingMessage, response: ServerResponse) {
    const method = request.method ?? 'GET'
    const path = request.url ?? '/'
    const key = `${method} ${path.split('?')[0]}`
    counts.set(key, (counts.get(key) ?? 0) + 1)

    const injected = await rule({ method, path, headers: request.headers })
    if (injected === 'reset') {
      request.socket.destroy()
      return
    }
    if (injected === 'reset-mid-body') {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' })
      response.write('{"token":"eyJhbGciOiJIUzI1NiJ9.')
      setTimeout(() => request.socket.destroy(), 50)
      return
    }
    if (injected === 'hang') {
      hanging.add(request.socket)
      return
    }
    if (injected) {
      // A browser reads an injected answer only with Medusa's CORS headers.
      const origin = request.headers.origin
      const cors: Record<string, string> = origin ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', 'vary': 'Origin' } : {}
      response.writeHead(injected.status, { 'content-type': 'application/json', ...cors, ...injected.headers })
      response.end(injected.body ?? '')
      return
    }

    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const headers = Object.fromEntries(Object.entries(request.headers)
      .filter(([name]) => !['host', 'connection', 'content-length'].includes(name))
      .map(([name, value]) => [name, String(value)]))
    const answer = await fetch(`${target}${path}`, {
      method,
      headers,
      body: ['GET', 'HEAD'].includes(method) ? undefined : Buffer.concat(chunks),
    })
    const body = Buffer.from(await answer.arrayBuffer())
    const passed: Record<string, string> = {}
    answer.headers.forEach((value, name) => {
      if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name)) passed[name] = value
    })
    response.writeHead(answer.status, passed)
    response.end(body)
  }

  const server = createServer((request, response) => {
    forward(request, response).catch(() => request.socket.destroy())
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${port}`,
    /** Stops listening, as a Medusa server that is down: connections are refused. */
    down: () => new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
    /** Listens again on the same port. */
    up: () => new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve)),
    count: (key: string) => counts.get(key) ?? 0,
    setRule: (next: FaultRule) => {
      rule = next
    },
    reset: () => {
      counts.clear()
      rule = () => undefined
    },
    stop: () => new Promise<void>((resolve) => {
      for (const socket of hanging) socket.destroy()
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}
