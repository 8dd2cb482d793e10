// Reads the test backend's database, to check what Medusa stored.
import { createRequire } from 'node:module'

const requireFromBackend = createRequire(new URL('../medusa/package.json', import.meta.url))

interface PgClient {
  connect: () => Promise<void>
  query: (sql: string, values: unknown[]) => Promise<{ rows: unknown[] }>
  end: () => Promise<void>
}

export async function queryBackend<Row>(databaseUrl: string, sql: string, values: unknown[] = []): Promise<Row[]> {
  const { Client } = requireFromBackend('pg') as { Client: new (options: { connectionString: string }) => PgClient }
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return (await client.query(sql, values)).rows as Row[]
  }
  finally {
    await client.end()
  }
}
