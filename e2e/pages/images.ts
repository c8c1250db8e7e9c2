import type { Locator, Page } from '@playwright/test';

/** The Images panel as a person uses it: open an archive, try the sample, watch it load, save an image. */
export class ImagesPanelPage {
  readonly panel: Locator;
  readonly open: Locator;
  readonly sample: Locator;
  readonly fileInput: Locator;
  readonly progress: Locator;
  readonly cancel: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Images', exact: true });
    this.open = this.panel.getByRole('button', { name: 'Open image…' });
    this.sample = this.panel.getByRole('button', { name: 'Try the sample image' });
    this.fileInput = this.panel.locator('input[type="file"]');
    this.progress = this.panel.getByRole('progressbar');
    this.cancel = this.panel.getByRole('button', { name: 'Cancel' });
    this.rows = this.panel.getByRole('row');
  }

  row(ref: string): Locator {
    return this.rows.filter({ hasText: ref });
  }

  saveButton(ref: string): Locator {
    return this.panel.getByRole('button', { name: `Download ${ref} as a tar` });
  }

  downloadLink(file: string): Locator {
    return this.panel.getByRole('link', { name: `Download ${file}` });
  }
}
