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
