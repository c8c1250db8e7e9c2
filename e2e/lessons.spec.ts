import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { TerminalPage } from './pages/terminal.ts';

// The lessons panel driven as a learner would: open it, pick a lesson, "Type it for me", wait for the
// check mark, Next — the whole guided tour in English and in Korean, and a quiz answered.

const words = {
  en: {
    open: 'Lessons',
    type: 'Type it for me',
    next: 'Next',
    finish: 'Finish',
    done: 'Done: the check passed.',
  },
  ko: {
    open: '레슨',
    type: '대신 입력하기',
    next: '다음',
    finish: '마치기',
    done: '완료: 확인을 통과했습니다.',
  },
} as const;

async function openLesson(page: Page, lang: 'en' | 'ko', title: string): Promise<void> {
  await page.goto(lang === 'ko' ? '/?lang=ko' : '/');
  await page.getByRole('button', { name: words[lang].open, exact: true }).click();
  const panel = page.getByTestId('lesson-panel');
  await panel.getByRole('button', { name: new RegExp(title) }).click();
}

async function walkTour(page: Page, lang: 'en' | 'ko'): Promise<string[]> {
  const w = words[lang];
  const panel = page.getByTestId('lesson-panel');
  const narrations: string[] = [];
  for (let i = 0; i < 40; i++) {
    const step = panel.locator('.lesson-step');
    if ((await step.getAttribute('data-step')) === null) break;
    narrations.push(await panel.locator('.lesson-step__narration').innerText());
    const type = panel.getByRole('button', { name: w.type });
    if ((await type.count()) > 0) {
      await expect(panel.getByTestId('lesson-check')).not.toHaveText(w.done);
      await type.click();
      await expect(panel.getByTestId('lesson-check')).toHaveText(`✓${w.done}`);
    }
    const finish = panel.getByRole('button', { name: w.finish, exact: true });
    if ((await finish.count()) > 0) await finish.click();
    else await panel.getByRole('button', { name: w.next, exact: true }).click();
  }
  return narrations;
}

test('the guided tour, clicked through in English, ends in cat TEST printing Hello World', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openLesson(page, 'en', 'The blog post, step by step');
  await expect(page.getByTestId('figure-copy-vs-share')).toContainText('10 containers of nginx');
  const narrations = await walkTour(page, 'en');
  expect(narrations).toHaveLength(21);
  expect(narrations[0]).toContain('Why a union filesystem?');
  await expect(page.getByTestId('lesson-panel').getByRole('status')).toHaveText(
    'Lesson complete. 18 of 18 checks passed.',
  );
  await expect(page.locator('.transcript').last()).toContainText('Hello World');
});

test('the guided tour in Korean: the lesson’s texts are Korean', async ({ page }) => {
  test.setTimeout(180_000);
  await openLesson(page, 'ko', '블로그 글 따라 하기');
  const narrations = await walkTour(page, 'ko');
  expect(narrations).toHaveLength(21);
  expect(narrations[0]).toContain('UFS는 왜 필요할까?');
  expect(narrations[1]).toContain('복사 후 쓰기');
  for (const n of narrations) expect(n).toMatch(/[가-힣]/);
  await expect(page.getByTestId('lesson-panel').getByRole('status')).toHaveText(
    '레슨을 마쳤습니다. 확인 18개 중 18개를 통과했습니다.',
  );
});

test('a quiz: the guess is judged, then its command plays the answer and the check passes', async ({
  page,
}) => {
  await openLesson(page, 'en', 'Quizzes: predict, then watch');
  const panel = page.getByTestId('lesson-panel');
  for (let i = 0; i < 2; i++) {
    await panel.getByRole('button', { name: 'Type it for me' }).click();
    await expect(panel.getByTestId('lesson-check')).toHaveText('✓Done: the check passed.');
    await panel.getByRole('button', { name: 'Next', exact: true }).click();
  }
  await expect(panel.getByTestId('lesson-check')).toHaveText(/Answer the question first/);
  await panel.getByRole('button', { name: 'Nothing: the file is in a read-only layer' }).click();
  await expect(
    panel.getByText('Not quite: the answer is “D /usr/share/nginx/html/index.html”.'),
  ).toBeVisible();
  await expect(panel.getByTestId('lesson-check')).toHaveText('✓Done: the check passed.');
  await expect(page.locator('.transcript')).toContainText('D /usr/share/nginx/html/index.html');
  await expect(panel.getByRole('button', { name: 'D /usr/share/nginx/html/index.html' })).toBeDisabled();
});

test('the tour on a used machine asks first, and starts on a fresh one where its steps pass', async ({
  page,
}) => {
  await page.goto('/?lang=en&speed=0');
  const t = new TerminalPage(page);
  await t.run('docker run --name nginx -d nginx');
  await t.run('docker exec -it nginx /bin/bash');
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const panel = page.getByTestId('lesson-panel');
  await panel.getByRole('button', { name: /The blog post, step by step/ }).click();
  await expect(panel.getByRole('heading', { name: 'Start on a fresh machine?' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Start on a fresh machine' })).toBeFocused();
  await panel.getByRole('button', { name: 'Start on a fresh machine' }).click();
  await expect(panel.locator('.lesson-step')).toHaveAttribute('data-step', 'why-ufs');
  await expect(t.entries).toHaveCount(0);
  await expect(t.prompt).toHaveText(/^\$\s*$/);
  for (let i = 0; i < 3; i++) await panel.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(panel.locator('.lesson-step')).toHaveAttribute('data-step', 'run-nginx');
  await panel.getByRole('button', { name: 'Type it for me' }).click();
  await expect(panel.getByTestId('lesson-check')).toHaveText('✓Done: the check passed.');
});

test('?lesson=blog-tour&step=3 opens the panel at step 4, the steps before it run', async ({ page }) => {
  await page.goto('/?lang=en&speed=0&lesson=blog-tour&step=3');
  const panel = page.getByTestId('lesson-panel');
  await expect(panel).toContainText('Step 4 of 21');
  await expect(page.getByRole('button', { name: 'Lessons', exact: true })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(new TerminalPage(page).entries).toHaveCount(1);
  await panel.getByRole('button', { name: 'Type it for me' }).click();
  await expect(panel.getByTestId('lesson-check')).toHaveText('✓Done: the check passed.');
});
