import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncedWorld, type SyncedWorld } from './real-dataset';
import { SCREENSHOTS } from './harness';


/**
 * The rule editor's value entry in real Chromium (issue 11 §5): one real mouse click right after
 * leaving an empty field takes effect (the validation message must not move what is clicked),
 * and stored values are offered with their counts.
 */
describe('segment editor value entry', () => {
  let world: SyncedWorld;
  let popup: Page;

  beforeAll(async () => {
    world = await startSyncedWorld();
    popup = await world.session.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 400, height: 600 });
  });
  afterAll(() => world?.close());

  /** A fresh "New segment" editor: the previous test's unsaved draft is discarded first. */
  const openNewEditor = async () => {
    await popup.reload();
    const create = popup.getByRole('button', { name: 'Create segment' }).first();
    const restored = popup.getByRole('note').filter({ hasText: 'Restored your unsaved' });
    await create.or(restored).first().waitFor();
    if (await restored.isVisible()) {
      await popup.getByRole('button', { name: 'Cancel' }).click();
      const discard = popup.getByRole('button', { name: 'Discard changes' });
      await create.or(discard).first().waitFor();
      if (await discard.isVisible()) await discard.click();
    }
    await create.click();
    await popup.getByLabel('Segment name').waitFor();
  };

  it('a colour swatch clicked right after leaving the empty name field is chosen', async () => {
    await openNewEditor();
    await popup.getByLabel('Segment name').focus();
    const teal = popup.getByRole('radio', { name: 'Teal' });
    // One real mouse click (move, down, up) on the swatch: the name field loses focus on mouse down.
    await popup.locator('.swatch', { has: teal }).click();
    await expect(teal.isChecked()).resolves.toBe(true);
    await expect(popup.getByText('Segment name is required').isVisible()).resolves.toBe(true);
  });

  it('"Add rule" clicked right after leaving an empty field adds a rule', async () => {
    await openNewEditor();
    await popup.getByLabel('Segment name').focus();
    await popup.getByRole('button', { name: 'Add rule', exact: true }).click();
    await expect(popup.getByRole('group', { name: 'Rule 1' }).count()).resolves.toBe(1);
    // An empty rule value, left by clicking "Add rule": its message must not move the button mid-click.
    const rule = popup.getByRole('group', { name: 'Rule 1' });
    await rule.getByLabel('Field').selectOption('company');
    await rule.getByLabel('Operator').selectOption('equals');
    await rule.getByLabel('Value').focus();
    await popup.getByRole('button', { name: 'Add rule', exact: true }).click();
    await expect(popup.getByRole('group', { name: 'Rule 2' }).count()).resolves.toBe(1);
    await expect(rule.locator('.field-error').textContent()).resolves.toMatch(/value/i);
  });

  it('keeps a white custom colour visible: the swatches are outlined', async () => {
    await openNewEditor();
    await popup.locator('.swatch', { has: popup.getByRole('radio', { name: 'Custom' }) }).click();
    await popup.getByLabel('Hex code').fill('#ffffff');
    const ring = (selector: string) => popup.locator(selector).first().evaluate((el) => getComputedStyle(el).boxShadow);
    for (const selector of ['.editor-head .color-dot', '.swatch-custom .swatch-dot']) {
      // An inset ring of at least 1px in a colour other than the white fill.
      const shadow = await ring(selector);
      expect(shadow).toMatch(/^[^,]*\) 0px 0px 0px 1px inset/);
      expect(shadow).not.toMatch(/^(rgba?\(255, 255, 255|color\(srgb 1 1 1)/);
    }
  });

  it('offers the stored sources with their counts', async () => {
    await openNewEditor();
    await popup.getByLabel('Segment name').fill('Search leads');
    await popup.getByRole('button', { name: 'Add rule', exact: true }).click();
    const rule = popup.getByRole('group', { name: 'Rule 1' });
    await rule.getByLabel('Field').selectOption('source');
    await rule.getByLabel('Operator').selectOption('equals');
    await rule.getByRole('combobox', { name: 'Value' }).click();
    const google = popup.getByRole('option', { name: /^Google/ });
    await google.waitFor();
    // The dataset's own count of "Google" sources (case-insensitive, as rules compare text).
    await expect(google.textContent()).resolves.toMatch(/Google\s*2,87\d/);
    await popup.screenshot({ path: resolve(SCREENSHOTS, 'popup-editor-picklist.png') });
    await google.click();
    await expect(rule.getByRole('combobox', { name: 'Value' }).inputValue()).resolves.toBe('Google');
  });

  it('keeps a decimal typed key by key in a number value ("0.05" stays 0.05)', async () => {
    await openNewEditor();
    await popup.getByRole('button', { name: 'Add rule', exact: true }).click();
    const rule = popup.getByRole('group', { name: 'Rule 1' });
    await rule.getByLabel('Field').selectOption('custom.total_visits');
    await rule.getByLabel('Operator').selectOption('gte');
    const value = rule.getByLabel('Value');
    await value.pressSequentially('0.05', { delay: 30 });
    await expect(value.inputValue()).resolves.toBe('0.05');
    await value.fill('');
    await value.pressSequentially('1.5', { delay: 30 });
    await expect(value.inputValue()).resolves.toBe('1.5');
  });
});
