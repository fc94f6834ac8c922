import { expect, test } from './fixtures';
import { DLS2_FIXTURE, license } from './seed';

const PROJECT = '100123456-100654321';

test("right after a key is pasted, its project is linked to the organization's licenses in bulk", async ({ page, host }) => {
  await host.call('licenses:create', license({ itemId: '801', productCode: 'DBR', edition: 'JavaScript Edition' }));
  await host.call('licenses:create', license({ itemId: '802', productCode: 'DBR', edition: 'Mobile Edition' }));
  await host.call('licenses:create', license({ itemId: '803', productCode: 'DWT', edition: 'Core Module' }));
  // Another organization's project: not offered.
  await host.call('licenses:create', license({ itemId: '804', projectCode: '200000001-1' }));

  await page.goto(`${host.url}#/licenses`);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import licenses' });
  await dialog.getByLabel('License keys').fill(DLS2_FIXTURE);
  await dialog.getByRole('button', { name: 'Check keys' }).click();
  await dialog.getByRole('button', { name: 'Import keys' }).click();

  const offer = dialog.getByRole('region', { name: `Link project ${PROJECT} to licenses` });
  const candidates = offer.getByRole('table', { name: `Licenses to link to ${PROJECT}` });
  await expect(candidates.getByRole('row')).toHaveCount(4);
  await expect(candidates).not.toContainText('804');

  // Narrow to one product, tick all shown, link them in one go.
  await offer.getByLabel('Product').click();
  await page.getByRole('option', { name: 'Dynamsoft Barcode Reader' }).click();
  await expect(candidates.getByRole('row')).toHaveCount(3);
  await offer.getByRole('checkbox', { name: 'Select all shown' }).check();
  await offer.getByRole('button', { name: `Link 2 licenses to ${PROJECT}` }).click();
  await expect(offer.getByRole('status')).toHaveText(`Linked 2 licenses to project ${PROJECT}.`);
  // The linked ones are no longer waiting for a project.
  await offer.getByLabel('Product').click();
  await page.getByRole('option', { name: /All products/ }).click();
  await expect(candidates.getByRole('row')).toHaveCount(2);
  await expect(candidates).toContainText('803');
  await dialog.getByRole('button', { name: 'Done' }).click();

  const list = page.getByRole('table', { name: 'Licenses' });
  await expect(list.getByRole('row', { name: /801/ })).toContainText(PROJECT);
  await expect(list.getByRole('row', { name: /802/ })).toContainText(PROJECT);
  await expect(list.getByRole('row', { name: /803/ })).not.toContainText(PROJECT);
  const history = await host.call('licenses:history', { id: (await host.call('licenses:list', { asOf: '2026-12-01', search: '801' })).rows[0]!.id });
  expect(history[0]!.changes).toMatchObject({ projectCode: [null, PROJECT] });
});

test('a multi-selection in the list is assigned to a project in one go, the project field offers known codes', async ({ page, host }) => {
  await host.call('licenses:create', license({ itemId: '811', projectCode: PROJECT }));
  await host.call('licenses:create', license({ itemId: '812' }));
  await host.call('licenses:create', license({ itemId: '813' }));
  await host.call('licenses:create', license({ itemId: '814' }));

  await page.goto(`${host.url}#/licenses`);
  const list = page.getByRole('table', { name: 'Licenses' });
  await list.getByRole('checkbox', { name: 'Select item 812' }).check();
  await list.getByRole('checkbox', { name: 'Select item 813' }).check();
  await page.getByRole('button', { name: 'Assign to project' }).click();
  const dialog = page.getByRole('dialog', { name: 'Assign to project' });
  const field = dialog.getByRole('combobox', { name: 'Project (handshake code)' });
  await field.fill('1001');
  await page.getByRole('option', { name: new RegExp(PROJECT) }).click();
  await expect(field).toHaveValue(PROJECT);
  await dialog.getByRole('button', { name: 'Assign 2 licenses' }).click();
  await expect(page.getByText(`Assigned 2 licenses to project ${PROJECT}.`)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(list.getByRole('row', { name: /812/ })).toContainText(PROJECT);
  await expect(list.getByRole('row', { name: /813/ })).toContainText(PROJECT);
  await expect(list.getByRole('row', { name: /814/ })).not.toContainText(PROJECT);

  // A code that is not a project ID is refused at the field, and nothing is written.
  await list.getByRole('checkbox', { name: 'Select item 814' }).check();
  await page.getByRole('button', { name: 'Assign to project' }).click();
  await dialog.getByRole('combobox', { name: 'Project (handshake code)' }).fill('not a code');
  await dialog.getByRole('button', { name: 'Assign 1 license' }).click();
  await expect(dialog.getByRole('alert')).toContainText('A project ID looks like');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(list.getByRole('row', { name: /814/ })).not.toContainText(PROJECT);

  // The license form offers the known projects as you type.
  await page.getByRole('button', { name: 'Add license' }).click();
  const form = page.getByRole('dialog', { name: 'Add license' });
  await form.getByRole('combobox', { name: 'Project (handshake code)' }).fill('100123');
  await expect(page.getByRole('option', { name: new RegExp(`${PROJECT}.*3 items`) })).toBeVisible();
});
