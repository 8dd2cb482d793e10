// Hands the secrets that Medusa emits for a person (password-reset tokens,
// verification codes) to whoever runs this backend: appended as JSON lines
// to MEDUSA_AUTH_EVENTS_FILE for the tests, or printed for the playground.
const { appendFileSync } = require('node:fs')

async function authEventHandler({ event }) {
  const record = { name: event.name, data: event.data }
  if (process.env.MEDUSA_AUTH_EVENTS_FILE) {
    appendFileSync(process.env.MEDUSA_AUTH_EVENTS_FILE, `${JSON.stringify(record)}\n`)
    return
  }
  if (event.name === 'auth.password_reset') {
    const site = process.env.PLAYGROUND_URL || 'http://localhost:3000'
    console.log(`[medusa-auth demo] reset link for ${event.data.entity_id}: ${site}/reset-password/update?token=${event.data.token}`)
  }
  else {
    console.log(`[medusa-auth demo] verification code for ${event.data.entity_id}: ${event.data.code}`)
  }
}

module.exports = {
  default: authEventHandler,
  config: { event: ['auth.password_reset', 'auth.verification_requested'] },
}
