import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The band names of the followed container's stack, read off the page (they carry random IDs). */
export interface Bands {
  readonly merged: string;
  readonly upper: string;
  readonly init: string;
  /** Image layers top first: images[0] is the image's top layer ("layer 3" of `demo`). */
  readonly images: readonly string[];
}

/** The layer stack as a person reads it: its bands, the narration, the playback controls. */
export class StackPage {
  readonly panel: Locator;
  readonly status: Locator;
  readonly play: Locator;
  readonly pause: Locator;
  readonly stepForward: Locator;
  readonly stepBack: Locator;
  readonly speed: Locator;
  /** "Step 2 of 4", or "No steps yet". */
  readonly count: Locator;
  /** The current step's marks in words: "Upper 8f3d5774d76c: /etc/app/app.conf — copy". */
  readonly highlights: Locator;
  readonly undo: Locator;
  readonly redo: Locator;
  /** The commands run so far, oldest first ("1 docker run -d --name web demo"). */
  readonly commands: Locator;
  /** The uppers of containers sharing the followed one's image, named "Upper 8f3d5774d76c (web)". */
  readonly siblings: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Layer stack', exact: true });
    this.status = this.panel.getByRole('status');
    const playback = this.panel.getByRole('toolbar', { name: 'Playback' });
    this.play = playback.getByRole('button', { name: 'Play', exact: true });
    this.pause = playback.getByRole('button', { name: 'Pause', exact: true });
    this.stepForward = playback.getByRole('button', { name: 'Step forward', exact: true });
    this.stepBack = playback.getByRole('button', { name: 'Step back', exact: true });
    this.speed = playback.getByRole('combobox', { name: 'Speed' });
    this.count = playback.getByText(/^(Step \d+ of \d+|No steps yet)$/);
    this.highlights = this.panel
      .getByRole('list', { name: 'Highlighted on the stack' })
      .getByRole('listitem');
    const history = this.panel.getByRole('group', { name: 'History', exact: true });
    this.undo = history.getByRole('button', { name: 'Undo', exact: true });
    this.redo = history.getByRole('button', { name: 'Redo', exact: true });
    this.commands = this.panel.getByRole('list', { name: 'Commands run' }).getByRole('listitem');
    this.siblings = this.panel
      .getByRole('region', { name: 'Containers sharing these image layers' })
      .getByRole('listitem');
  }

  /** The layer bands whose accessible name starts with `kind` followed by a 12-hex short ID. */
  bands(kind: 'Merged' | 'Upper' | 'Init' | 'Image layer'): Locator {
    return this.panel.getByRole('group', { name: new RegExp(`^${kind} [0-9a-f]{12}\\b`) });
  }

  /** The band of the layer a commit is stacking, while its steps are shown: "Image layer … (new, of snap:latest)". */
  newLayer(): Locator {
    return this.panel.getByRole('group', { name: /^Image layer [0-9a-f]{12} \(new\b/ });
  }

  /** The names of the followed container's bands, top to bottom. */
  async bandNames(): Promise<Bands> {
    const label = async (l: Locator): Promise<string> => (await l.getAttribute('aria-label')) ?? '';
    const images: string[] = [];
    for (const l of await this.bands('Image layer').all()) images.push(await label(l));
    return {
      merged: await label(this.bands('Merged')),
      upper: await label(this.bands('Upper')),
      init: await label(this.bands('Init')),
      images,
    };
  }

  /** The tiles a band draws in the directory shown, as their titles say ("etc: directory"). */
  async tiles(band: Locator): Promise<string[]> {
    return band.locator('.tile title').allTextContents();
  }

  /** Open a directory of the one shown, as its button under the stack does. */
  async openDir(name: string): Promise<void> {
    await this.panel
      .getByRole('group', { name: 'Open a directory' })
      .getByRole('button', { name: `${name}/`, exact: true })
      .click();
    await expect(
      this.panel.getByRole('navigation', { name: 'Directory' }).locator('[aria-current]'),
    ).toHaveText(name);
  }

  /** Instant steps (what prefers-reduced-motion gives). */
  async instant(): Promise<void> {
    await this.speed.selectOption({ label: 'Instant' });
  }

  /** Step back to the command's first step; returns how many steps it has. */
  async rewind(): Promise<number> {
    const text = (await this.count.textContent()) ?? '';
    const total = Number(/of (\d+)/.exec(text)?.[1] ?? 0);
    for (let i = Number(/Step (\d+)/.exec(text)?.[1] ?? 1); i > 1; i--) await this.stepBack.click();
    if (total > 0) await expect(this.count).toHaveText(`Step 1 of ${total}`);
    return total;
  }
}
