import { Hono } from 'hono'
import { requirePerson } from '../accounts/require-person.ts'
import type { AppEnv } from '../http/app-env.ts'
import type { Storage } from '../storage/storage.ts'
import { createDemoCoalition } from './create-demo.ts'

/** `POST /api/demo`: a realistic coalition to look around, with the caller as its chair. */
export function demoRoutes({ storage }: { storage: Storage }) {
  return new Hono<AppEnv>().post('/', async (c) => {
    const person = requirePerson(c)
    const membership = await createDemoCoalition(storage, person.id)
    return c.json({ membership }, 201)
  })
}
