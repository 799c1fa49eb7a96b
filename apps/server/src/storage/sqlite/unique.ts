import Database from 'better-sqlite3'
import { UniqueViolation } from '../errors.ts'

/** Runs a write, turning SQLite's unique-constraint failure into a UniqueViolation. */
export function unique<T>(constraintName: (message: string) => string, write: () => T): T {
  try {
    return write()
  } catch (error) {
    if (
      error instanceof Database.SqliteError &&
      error.code.startsWith('SQLITE_CONSTRAINT_UNIQUE')
    ) {
      throw new UniqueViolation(constraintName(error.message))
    }
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      throw new UniqueViolation(constraintName(error.message))
    }
    throw error
  }
}
