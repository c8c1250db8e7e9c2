import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The Layerlab page as a person uses it: a terminal to type into, panels to read. */
export class TerminalPage {
  readonly input: Locator;
  readonly prompt: Locator;
  readonly transcript: Locator;
  readonly entries: Locator;

  constructor(readonly page: Page) {
    this.input = page.getByRole('textbox', { name: 'Command', exact: true });
    this.prompt = page.getByTestId('prompt');
    this.transcript = page.getByRole('log', { name: 'Transcript' });
    this.entries = this.transcript.getByTestId('transcript-entry');
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.input).toBeVisible();
  }

  /** Type a line key by key, press Enter, and return its transcript entry once it is shown. */
  async run(line: string): Promise<Locator> {
    const before = await this.entries.count();
    await this.input.click();
    await this.input.pressSequentially(line);
    await this.input.press('Enter');
    return this.newEntry(before);
  }

  /** Paste text into the command line as a clipboard paste would (lines after the first run at once). */
  async paste(text: string): Promise<void> {
    await this.input.focus();
    await this.input.evaluate((el, data) => {
      const clipboardData = new DataTransfer();
      clipboardData.setData('text/plain', data);
      const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
      // An untrusted paste event inserts nothing itself: do what the browser would when the page lets it.
      if (el.dispatchEvent(event)) (el.ownerDocument as Document).execCommand('insertText', false, data);
    }, text);
  }

  /** Press Enter on whatever is in the command line and return the new entry. */
  async submit(): Promise<Locator> {
    const before = await this.entries.count();
    await this.input.press('Enter');
    return this.newEntry(before);
  }

  /** Everything the entry printed, stdout and stderr, exactly (no whitespace normalised). */
  async outputOf(entry: Locator): Promise<string> {
    const out = entry.getByTestId('entry-output');
    return (await out.count()) === 0 ? '' : ((await out.textContent()) ?? '');
  }

  /** The part of the entry's output printed on stderr. */
  stderrOf(entry: Locator): Locator {
    return entry.getByTestId('entry-output').locator('[data-stream="stderr"]');
  }

  /** Type text into the command line without running it (no Enter). */
  async type(text: string): Promise<void> {
    await this.input.click();
    await this.input.pressSequentially(text);
  }

  /** Press Tab in the command line, as a person completing a word would. */
  async tab(): Promise<void> {
    await this.input.press('Tab');
  }

  /** The names Tab listed under the command line, once it could complete no further. */
  completions(): Locator {
    return this.page.getByRole('list', { name: 'Completions', exact: true }).getByRole('listitem');
  }

  panel(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  private async newEntry(before: number): Promise<Locator> {
    await expect(this.entries).toHaveCount(before + 1);
    return this.entries.nth(before);
  }
}
