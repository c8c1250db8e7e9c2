import type { Locator, Page } from '@playwright/test';

/** The Explorer as a person reads it: tabs for Files, Diff, History and Host, the Inspector beside. */
export class ExplorerPage {
  readonly region: Locator;
  readonly inspector: Locator;
  readonly search: Locator;
  readonly tree: Locator;
  readonly type: Locator;
  readonly change: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Explorer', exact: true });
    this.inspector = this.region.getByRole('region', { name: 'Inspector', exact: true });
    this.search = this.region.getByRole('searchbox', { name: 'Search files' });
    this.tree = this.region.getByRole('combobox', { name: 'Tree' });
    this.type = this.region.getByRole('combobox', { name: 'Type' });
    this.change = this.region.getByRole('combobox', { name: 'Change' });
  }

  tab(name: 'Files' | 'Diff' | 'History' | 'Host'): Locator {
    return this.region.getByRole('tab', { name: new RegExp(`^${name}\\b`) });
  }

  panel(): Locator {
    return this.region.getByRole('tabpanel');
  }

  async open(name: 'Files' | 'Diff' | 'History' | 'Host'): Promise<Locator> {
    await this.tab(name).click();
    return this.panel();
  }

  /** A row of the Files tab or the Diff tab, by the start of its accessible name. */
  row(name: string | RegExp): Locator {
    return this.panel().getByRole('button', { name });
  }
}
