import type {
  Coalition,
  Member,
  Membership,
  NewOrganisation,
  Organisation,
  OrganisationPatch,
  Role,
} from '@accord/coalition'

export interface MembershipRecord {
  personId: string
  coalitionId: string
  organisationId: string
  role: Role
  createdAt: string
}

/** Coalitions, their organisations and their members. */
export interface CoalitionStore {
  /**
   * Creates the coalition, its first organisation and its chair. With `adoptOwnerlessMeetings`,
   * meetings from before accounts existed become the coalition's (the first one made by hand).
   */
  createCoalition(input: {
    coalition: Coalition
    organisation: Organisation
    chair: MembershipRecord
    adoptOwnerlessMeetings?: boolean
  }): Promise<void>
  getCoalition(id: string): Promise<Coalition | undefined>
  renameCoalition(id: string, name: string): Promise<void>

  membershipsOf(personId: string): Promise<Membership[]>
  findMembership(personId: string, coalitionId: string): Promise<MembershipRecord | undefined>

  listOrganisations(coalitionId: string): Promise<Organisation[]>
  /** Throws UniqueViolation('name' | 'shortName'). */
  createOrganisation(
    coalitionId: string,
    organisation: NewOrganisation & { id: string },
  ): Promise<Organisation>
  /** Throws UniqueViolation('name' | 'shortName'); undefined when there is no such organisation. */
  updateOrganisation(
    coalitionId: string,
    id: string,
    patch: OrganisationPatch,
  ): Promise<Organisation | undefined>
  /** 'in_use' while members, invites or recorded attendance refer to it. */
  deleteOrganisation(coalitionId: string, id: string): Promise<'deleted' | 'missing' | 'in_use'>

  listMembers(coalitionId: string): Promise<(Member & { email: string })[]>
  /** Throws UniqueViolation('membership') when the person is already a member. */
  addMember(membership: MembershipRecord): Promise<void>
  updateMember(
    coalitionId: string,
    personId: string,
    patch: { role?: Role; organisationId?: string },
  ): Promise<void>
  removeMember(coalitionId: string, personId: string): Promise<void>
}
