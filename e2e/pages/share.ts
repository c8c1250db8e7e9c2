import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The Share menu in the header and the app's notices, as a person uses them. */
export class SharePage {
  readonly button: Locator;
  readonly menu: Locator;
  readonly linkField: Locator;
  readonly alert: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByRole('button', { name: 'Share', exact: true });
    this.menu = page.getByRole('group', { name: 'Share this session' });
    this.linkField = page.getByRole('textbox', { name: 'Link to this session' });
    this.alert = page.getByRole('alert');
    this.status = page.locator('.notices').getByRole('status');
  }

  async open(): Promise<void> {
    if ((await this.button.getAttribute('aria-expanded')) !== 'true') await this.button.click();
    await expect(this.menu).toBeVisible();
  }

  /** Copy link, and the link it shows. */
  async copyLink(): Promise<string> {
    await this.open();
    await this.menu.getByRole('button', { name: /^Copy link/ }).click();
    await expect(this.linkField).toHaveValue(/#v=1&s=/);
    return this.linkField.inputValue();
  }

  /** Export…, and the text of the file it downloads. */
  async exportFile(): Promise<string> {
    await this.open();
    const download = this.page.waitForEvent('download');
    await this.menu.getByRole('button', { name: /^Export/ }).click();
    const path = await (await download).path();
    const { readFile } = await import('node:fs/promises');
    return readFile(path, 'utf8');
  }

  /** Import… a file with this text. */
  async importFile(text: string, name = 'session.json'): Promise<void> {
    await this.page
      .getByLabel('Import…', { exact: true })
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  /** The session saved in this browser, as stored. */
  saved(key = 'layerlab.session'): Promise<string | null> {
    return this.page.evaluate((k) => localStorage.getItem(k), key);
  }
}
