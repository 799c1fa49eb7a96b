import type { Role } from '@accord/coalition'
import { CloseCode } from '@accord/sync'

export interface LiveConnection {
  meetingId: string
  sessionHash: string
  personId: string
  coalitionId: string
  role: Role
  close(code: number, reason: string): void
}

/** What the periodic check asks storage about each open connection. */
export interface AccessCheck {
  sessionIsLive(sessionHash: string): Promise<boolean>
  roleOf(personId: string, coalitionId: string): Promise<Role | undefined>
}

/**
 * Every open sync connection with the session and membership it was opened under. Sign-out and
 * membership changes close the affected ones at once; a periodic check catches the rest
 * (sessions that expired, or were revoked elsewhere) within one interval.
 */
export class LiveConnections {
  private readonly connections = new Set<LiveConnection>()

  add(connection: LiveConnection): () => void {
    this.connections.add(connection)
    return () => this.connections.delete(connection)
  }

  get size(): number {
    return this.connections.size
  }

  /** The meetings someone has open here: those whose rooms must follow their status. */
  meetingIds(): Set<string> {
    return new Set([...this.connections].map((c) => c.meetingId))
  }

  closeSession(sessionHash: string): void {
    this.closeWhere((c) => c.sessionHash === sessionHash, CloseCode.Unauthenticated, 'signed out')
  }

  closePerson(personId: string): void {
    this.closeWhere((c) => c.personId === personId, CloseCode.Unauthenticated, 'signed out')
  }

  /** After a member was removed or their role changed: they must reconnect to get the new access. */
  closeMember(coalitionId: string, personId: string): void {
    this.closeWhere(
      (c) => c.coalitionId === coalitionId && c.personId === personId,
      CloseCode.Forbidden,
      'access changed',
    )
  }

  /**
   * Closes connections whose session ended or whose membership changed since they opened: all
   * of them, or the `only` ones (a connection just opened, whose access may have changed between
   * its admission and its registration here).
   */
  async check(access: AccessCheck, only?: readonly LiveConnection[]): Promise<void> {
    const sessions = new Map<string, Promise<boolean>>()
    const roles = new Map<string, Promise<Role | undefined>>()
    for (const connection of only ?? [...this.connections]) {
      if (!this.connections.has(connection)) continue
      const { sessionHash, personId, coalitionId } = connection
      if (!sessions.has(sessionHash)) sessions.set(sessionHash, access.sessionIsLive(sessionHash))
      const memberKey = `${coalitionId} ${personId}`
      if (!roles.has(memberKey)) roles.set(memberKey, access.roleOf(personId, coalitionId))
      if (!(await sessions.get(sessionHash))) {
        this.close(connection, CloseCode.Unauthenticated, 'session ended')
      } else if ((await roles.get(memberKey)) !== connection.role) {
        this.close(connection, CloseCode.Forbidden, 'access changed')
      }
    }
  }

  private closeWhere(matches: (c: LiveConnection) => boolean, code: number, reason: string) {
    for (const connection of [...this.connections]) {
      if (matches(connection)) this.close(connection, code, reason)
    }
  }

  private close(connection: LiveConnection, code: number, reason: string): void {
    this.connections.delete(connection)
    connection.close(code, reason)
  }
}
