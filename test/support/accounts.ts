/** The accounts that the test backend is seeded with. */
export const alice = {
  email: 'alice@medusa-auth.test',
  password: 'alice-password-1',
  first_name: 'Alice',
  last_name: 'Anders',
}

export const bob = {
  email: 'bob@medusa-auth.test',
  password: 'bob-password-1',
  first_name: 'Bob',
  last_name: 'Berg',
}

export const admin = {
  email: 'admin@medusa-auth.test',
  password: 'admin-password-1',
}
