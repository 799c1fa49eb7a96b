/** A write that would break a uniqueness rule (an email or organisation name already taken). */
export class UniqueViolation extends Error {
  constructor(readonly constraint: string) {
    super(`unique constraint failed: ${constraint}`)
    this.name = 'UniqueViolation'
  }
}
