import { ApiError } from '../http/api-error.ts'

export const organisationNotFound = (id: string) =>
  new ApiError(404, 'not_found', `There is no organisation with id "${id}" in this coalition.`)
