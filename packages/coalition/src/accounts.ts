import { z } from 'zod'
import { idSchema } from './ids.ts'
import { nameText } from './names.ts'

export const MIN_PASSWORD_LENGTH = 10

export const emailSchema = z
  .string({ message: 'email is required' })
  .trim()
  .toLowerCase()
  .max(254, 'email must be at most 254 characters')
  .pipe(z.email({ message: 'email must be an email address' }))

export const displayNameSchema = nameText('name is required')
  .trim()
  .transform((name) => name.replace(/\s+/g, ' '))
  .pipe(z.string().min(1, 'name is required').max(80, 'name must be at most 80 characters'))

const newPasswordSchema = z
  .string({ message: 'password is required' })
  .min(MIN_PASSWORD_LENGTH, `password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, 'password must be at most 200 characters')

export const signUpSchema = z.object({
  email: emailSchema,
  name: displayNameSchema,
  password: newPasswordSchema,
})
export type SignUp = z.infer<typeof signUpSchema>

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ message: 'password is required' }).min(1, 'password is required').max(200),
})
export type SignIn = z.infer<typeof signInSchema>

export const personSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
})
export type Person = z.infer<typeof personSchema>
