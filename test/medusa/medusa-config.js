// A plain Medusa 2.21 project for medusa-auth's tests and playground.
// Every value comes from the environment that test/medusa/harness.mjs sets.
const { defineConfig } = require('@medusajs/framework/utils')

// Any http origin on this machine, whatever its port: tests pick free ports.
const localOrigins = '/^https?:\\/\\/(localhost|127\\.0\\.0\\.1)(:\\d+)?$/'

// A local OpenID provider, when the tests run one (test/support/oidc-provider.ts).
function oidcProviders() {
  if (!process.env.OIDC_ISSUER) return []
  return [{
    resolve: '@medusajs/medusa/auth-oidc',
    id: 'oidc',
    options: {
      issuer: process.env.OIDC_ISSUER,
      client_id: process.env.OIDC_CLIENT_ID,
      client_secret: process.env.OIDC_CLIENT_SECRET,
      // The storefront sends its own callback_url with each login.
      callback_url: 'http://127.0.0.1/auth/callback/oidc',
    },
  }]
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseLogging: false,
    http: {
      storeCors: process.env.STORE_CORS || localOrigins,
      adminCors: process.env.ADMIN_CORS || localOrigins,
      authCors: process.env.AUTH_CORS || localOrigins,
      jwtSecret: process.env.JWT_SECRET || 'medusa-auth-test-jwt-secret',
      cookieSecret: process.env.COOKIE_SECRET || 'medusa-auth-test-cookie-secret',
      // Set for the test that proves the verification step: customers must verify their email.
      ...(process.env.VERIFY_CUSTOMER_EMAILS === 'true' && {
        authVerificationsPerActor: { customer: [{ entity_type: 'email', auth_provider: 'emailpass' }] },
      }),
    },
  },
  admin: { disable: true },
  modules: [
    {
      resolve: '@medusajs/medusa/auth',
      // The OAuth state of third-party providers lives in the cache module.
      dependencies: ['cache', 'logger'],
      options: {
        // TOTP factors are stored encrypted.
        mfa: { encryption_key: process.env.MFA_ENCRYPTION_KEY || 'medusa-auth-test-mfa-key' },
        providers: [
          { resolve: '@medusajs/medusa/auth-emailpass', id: 'emailpass' },
          ...oidcProviders(),
          {
            // Placeholder credentials: Medusa answers with a real Google
            // `location`, and nothing ever reaches Google.
            resolve: '@medusajs/medusa/auth-google',
            id: 'google',
            options: {
              clientId: 'medusa-auth-placeholder.apps.googleusercontent.com',
              clientSecret: 'medusa-auth-placeholder-secret',
              callbackUrl: process.env.GOOGLE_CALLBACK_URL
                || 'http://localhost:3000/auth/google/callback',
            },
          },
        ],
      },
    },
  ],
})
