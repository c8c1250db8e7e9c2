import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

/** The page in either language: the command line, the transcript and the stack's status line. */
function lab(page: Page, lang: 'en' | 'ko') {
  const names =
    lang === 'ko'
      ? { command: '명령', transcript: '터미널 출력', stack: '레이어 스택', speed: '속도', instant: '즉시' }
      : {
          command: 'Command',
          transcript: 'Transcript',
          stack: 'Layer stack',
          speed: 'Speed',
          instant: 'Instant',
        };
  const input = page.getByRole('textbox', { name: names.command, exact: true });
  const entries = page.getByRole('log', { name: names.transcript }).getByTestId('transcript-entry');
  const stack = page.getByRole('region', { name: names.stack, exact: true });
  return {
    input,
    entries,
    stack,
    status: stack.getByRole('status').first(),
    async instant() {
      await stack.getByLabel(names.speed).selectOption({ label: names.instant });
    },
    async run(line: string) {
      const before = await entries.count();
      await input.click();
      await input.pressSequentially(line);
      await input.press('Enter');
      await expect(entries).toHaveCount(before + 1);
    },
  };
}

test.describe('Korean and English', () => {
  test('?lang=ko shows the page in Korean and tells a copy-up in Korean', async ({ page }) => {
    await page.goto('/?lang=ko');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page).toHaveTitle('Layerlab — Docker가 이미지를 저장하는 방법');
    const ko = lab(page, 'ko');
    await expect(ko.input).toBeVisible();
    await expect(page.getByRole('heading', { name: '터미널' })).toBeVisible();
    await expect(page.getByRole('button', { name: '한국어' })).toHaveAttribute('aria-pressed', 'true');
    await ko.instant();

    await ko.run('docker run -d --name web demo');
    await ko.run('docker exec -it web sh');
    await ko.run('echo hi >> /etc/app/app.conf');
    // The command's last step (the write on the copy), then one back: the copy-up itself.
    await expect(ko.status).toContainText('/etc/app/app.conf의 복사본에 3바이트를 덧붙입니다');
    await ko.stack.getByRole('button', { name: '이전 단계' }).click();
    await ko.stack.getByRole('button', { name: '이전 단계' }).click();
    await expect(ko.status).toContainText(
      '복사 후 쓰기(copy-on-write): 3바이트만 덧붙이는데도 /etc/app/app.conf 파일 전체(47바이트)를',
    );
    // Tool output stays as the tool prints it.
    await ko.run('cat /etc/app/app.conf');
    await expect(ko.entries.last().getByTestId('entry-output')).toContainText('hi');
  });

  test('switching to English keeps the transcript and the containers', async ({ page }) => {
    await page.goto('/?lang=ko');
    const ko = lab(page, 'ko');
    await ko.instant();
    await ko.run('docker run -d --name web demo');
    await ko.run('docker exec -it web sh');
    await ko.run('touch /TEST');

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page).toHaveTitle('Layerlab — how Docker stores images');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const en = lab(page, 'en');
    await expect(en.entries).toHaveCount(3);
    await expect(en.entries.nth(2)).toContainText('touch /TEST');
    const containers = page.getByRole('region', { name: 'Containers', exact: true });
    await expect(containers.getByRole('cell', { name: 'web', exact: true })).toBeVisible();
    // Still in the container's shell: a new line is told in English now.
    await en.run('echo hi >> /etc/app/app.conf');
    await expect(en.status).toContainText('appended to the copy of /etc/app/app.conf in the upper');
    await expect(en.stack.getByRole('group', { name: /^Upper [0-9a-f]{12}$/ })).toHaveCount(1);
  });

  test.describe('a browser set to Korean', () => {
    test.use({ locale: 'ko-KR' });

    test('gets the page in Korean without asking', async ({ page }) => {
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
      await expect(lab(page, 'ko').input).toBeVisible();
    });

    test('still gets English when the URL says so', async ({ page }) => {
      await page.goto('/?lang=en');
      await expect(lab(page, 'en').input).toBeVisible();
    });
  });

  test('?lang=<script> falls back to the browser language without breaking the page', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`/?lang=${encodeURIComponent('<script>alert(1)</script>')}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const en = lab(page, 'en');
    await expect(en.input).toBeVisible();
    await en.run('docker run -d --name web demo');
    await expect(page.locator('script:not([src])')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
});
