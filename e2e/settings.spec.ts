import { expect, test } from './support/fixtures.ts'

test('a chair renames the coalition; a member is not offered the name', async ({ accord }) => {
  const chairPage = await accord.pageFor(accord.chair)
  await chairPage.goto(`/c/${accord.coalitionId}/settings`)
  const section = chairPage.getByRole('region', { name: 'Coalition', exact: true })
  const name = section.getByLabel('Coalition name')
  await expect(name).toHaveValue('Northshire Care Coalition')
  await name.fill('Northshire Care Alliance')
  await section.getByRole('button', { name: 'Rename coalition' }).click()
  await expect(section.getByRole('status')).toHaveText('Saved')
  await expect(chairPage.getByRole('link', { name: '← Northshire Care Alliance' })).toBeVisible()

  // Stored on the server: the coalition page shows it after a reload.
  await chairPage.goto(`/c/${accord.coalitionId}`)
  await chairPage.reload()
  await expect(
    chairPage.getByRole('heading', { level: 1, name: 'Northshire Care Alliance' }),
  ).toBeVisible()

  const memberPage = await accord.member('Tom')
  await memberPage.goto(`/c/${accord.coalitionId}/settings`)
  await expect(memberPage.getByRole('region', { name: 'Members' })).toBeVisible()
  await expect(memberPage.getByLabel('Coalition name')).toHaveCount(0)
  await expect(memberPage.getByRole('button', { name: 'Rename coalition' })).toHaveCount(0)
})

test('the invite list names who made each link, and shows a removed maker’s link as lapsed', async ({
  accord,
}) => {
  const { chair, coalitionId, organisationId } = accord
  await chair.expect(201, 'POST', `/api/coalitions/${coalitionId}/invites`, {
    organisationId,
    role: 'member',
  })
  const secretariatPage = await accord.member('Grace', 'secretariat')
  await secretariatPage.goto(`/c/${coalitionId}/settings`)
  const theirInvites = secretariatPage.getByRole('region', { name: 'Invites' })
  await theirInvites.getByLabel('Role', { exact: true }).selectOption({ label: 'Secretariat' })
  await theirInvites.getByRole('button', { name: 'Create invite link' }).click()
  await expect(theirInvites.getByLabel('Invite link')).toHaveValue(/\/invite\//)

  const { members } = await chair.expect(200, 'GET', `/api/coalitions/${coalitionId}/members`)
  const grace = (members as { personId: string; name: string }[]).find((m) => m.name === 'Grace')!
  await chair.expect(204, 'DELETE', `/api/coalitions/${coalitionId}/members/${grace.personId}`)

  const chairPage = await accord.pageFor(chair)
  await chairPage.goto(`/c/${coalitionId}/settings`)
  const invites = chairPage.getByRole('region', { name: 'Invites' })
  const graces = invites.getByRole('row', { name: /Grace/ })
  await expect(graces).toContainText('Secretariat')
  await expect(graces).toContainText('Lapsed: its maker can no longer invite')
  const owens = invites.getByRole('row').filter({ hasText: 'Owen' })
  await expect(owens.filter({ hasText: 'Active' })).toHaveCount(1)
})
