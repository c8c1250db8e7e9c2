import type { Locator, Page } from '@playwright/test';

/** The layer stack as a person reads it: its bands, the narration, the playback controls. */
export class StackPage {
  readonly panel: Locator;
  readonly status: Locator;
  readonly play: Locator;
  readonly pause: Locator;
  readonly stepForward: Locator;
  readonly stepBack: Locator;
  readonly speed: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Layer stack', exact: true });
    this.status = this.panel.getByRole('status');
    this.play = this.panel.getByRole('button', { name: 'Play', exact: true });
    this.pause = this.panel.getByRole('button', { name: 'Pause', exact: true });
    this.stepForward = this.panel.getByRole('button', { name: 'Step forward', exact: true });
    this.stepBack = this.panel.getByRole('button', { name: 'Step back', exact: true });
    this.speed = this.panel.getByRole('combobox', { name: 'Speed' });
  }

  /** The layer bands whose accessible name starts with `kind` followed by a 12-hex short ID. */
  bands(kind: 'Merged' | 'Upper' | 'Init' | 'Image layer'): Locator {
    return this.panel.getByRole('group', { name: new RegExp(`^${kind} [0-9a-f]{12}\\b`) });
  }

  /** Instant steps (what prefers-reduced-motion gives). */
  async instant(): Promise<void> {
    await this.speed.selectOption({ label: 'Instant' });
  }
}
