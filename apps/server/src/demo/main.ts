/**
 * `npm run demo`: the demo coalition in the local database, a chair account to sign in with
 * (a new password on every run, printed below), then the server as `npm start` runs it.
 */
import { randomBytes } from 'node:crypto'
import pino from 'pino'
import { hashPassword } from '../accounts/password.ts'
import { newId } from '../accounts/tokens.ts'
import { loadConfig } from '../config.ts'
import { projectStoredMeetings } from '../projection/project-stored.ts'
import { openStorage } from '../storage/open-storage.ts'
import { createDemoCoalition } from './create-demo.ts'
import { reviewMinutes } from './review-minutes.ts'
import { DEMO_EMAIL_DOMAIN, loadDemoCoalition } from './demo-coalition.ts'

const config = loadConfig(process.env)
const email = `chair@${DEMO_EMAIL_DOMAIN}`
const password = randomBytes(9).toString('base64url')
const demo = loadDemoCoalition()
const storage = await openStorage(config)
try {
  let chair = await storage.accounts.findPersonByEmail(email)
  if (!chair) {
    chair = {
      id: newId(),
      email,
      name: 'Demo Chair',
      passwordHash: null,
      createdAt: new Date().toISOString(),
    }
    await storage.accounts.createPerson(chair)
  }
  await storage.accounts.setPasswordHash(chair.id, await hashPassword(password))
  const memberships = await storage.coalitions.membershipsOf(chair.id)
  if (!memberships.some((m) => m.coalition.name === demo.name)) {
    // Nothing is served yet, so the minutes are reviewed right here.
    const review = async (...args: Parameters<typeof reviewMinutes>) => reviewMinutes(...args)
    const { coalition } = await createDemoCoalition(storage, chair.id, review, demo)
    const meetings = await storage.meetings.listMeetings(coalition.id)
    await projectStoredMeetings(
      storage,
      meetings.map(({ id }) => id),
      pino({ level: config.logLevel }),
    )
  }
} finally {
  await storage.close()
}

const port = config.port
console.log(`
  Demo coalition ready: ${demo.name}, ${demo.organisations.length} organisations, ${demo.meetings.length} meetings.
  Open http://${config.host}:${port} and sign in as
    email:    ${email}
    password: ${password}
`)
await import('../main.ts')
