/** One organisation backing an ask through Accord, or taking its backing back. */
export interface EndorsementRecord {
  meetingId: string
  askKey: string
  organisationId: string
  personId: string
  kind: 'endorse' | 'withdraw'
  /** ISO time */
  at: string
}

/** Who endorsed or withdrew from which ask, and when: an append-only record. */
export interface EndorsementStore {
  recordEndorsement(record: EndorsementRecord): Promise<void>
  /** Every record for the asks of the coalition's meetings, oldest first, with the person's name. */
  listEndorsements(coalitionId: string): Promise<(EndorsementRecord & { personName: string })[]>
}
