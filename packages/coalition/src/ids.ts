import { z } from 'zod'

/** Every id Accord makes: 16 random bytes, base64url. Anything else is refused at the edge. */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id')
