import type { Locator, Page } from '@playwright/test';

/** Presenter mode as a teacher uses it: the header's way in and out, the banner, the blank screen. */
export class PresenterPage {
  readonly enter: Locator;
  readonly exit: Locator;
  /** The last command, big, with its first lines of output. */
  readonly lastCommand: Locator;
  /** The black screen that B or . puts over everything. */
  readonly blank: Locator;
  readonly slower: Locator;
  readonly faster: Locator;

  constructor(readonly page: Page) {
    this.enter = page.getByRole('button', { name: 'Presenter mode', exact: true });
    this.exit = page.getByRole('button', { name: 'Exit presenter mode', exact: true });
    this.lastCommand = page.getByRole('region', { name: 'Last command', exact: true });
    this.blank = page.getByTestId('presenter-blank');
    const controls = page.getByRole('group', { name: 'Presenter controls' });
    this.slower = controls.getByRole('button', { name: 'Slower', exact: true });
    this.faster = controls.getByRole('button', { name: 'Faster', exact: true });
  }

  /** Press a key as a clicker or the keyboard sends it, wherever the focus is. */
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** Take the focus out of the terminal to the page itself, as a click on the banner does. */
  async focusPage(): Promise<void> {
    await this.lastCommand.click();
  }
}
