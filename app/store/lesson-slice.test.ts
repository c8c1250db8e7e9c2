import { describe, expect, it, vi } from 'vitest';
import { pageStore } from './testing/page-store.ts';

// The lesson slice on the page's store: the catalog from public/catalog, nginx present as if pulled.

describe('the lesson slice', () => {
  it('walks the whole blog tour with Type it for me, each step’s check passing before Next', async () => {
    const store = await pageStore();
    await store.getState().startLesson('blog-tour');
    const tour = store.getState().lessons.find((l) => l.id === 'blog-tour')!;
    for (let i = 0; i < tour.steps.length; i++) {
      const s = store.getState();
      expect(s.lesson!.step).toBe(i);
      if (tour.steps[i]!.command) {
        expect(s.lesson!.passed[i], tour.steps[i]!.id).toBe(false);
        s.typeForMe();
        await vi.waitFor(() => expect(store.getState().lesson!.passed[i], tour.steps[i]!.id).toBe(true));
      } else expect(s.lesson!.passed[i]).toBe(true);
      store.getState().next();
    }
    expect(store.getState().lesson!.done).toBe(true);
    expect(
      store
        .getState()
        .transcript.at(-1)!
        .output.map((o) => o.text)
        .join(''),
    ).toBe('Hello World\n');
  });

  it('checks what the learner types: a wrong line does not pass, an equivalent one does', async () => {
    const store = await pageStore();
    await store.getState().startLesson('blog-tour');
    store.getState().next();
    store.getState().next();
    store.getState().run('docker info');
    expect(store.getState().lesson!.passed[2]).toBe(true);
    store.getState().next();
    store.getState().run('docker run -d nginx');
    expect(store.getState().lesson!.passed[3]).toBe(false);
    store.getState().run('docker run -d --name nginx nginx');
    expect(store.getState().lesson!.passed[3]).toBe(true);
  });

  it('output printed before the step began does not count for it', async () => {
    const store = await pageStore();
    store.getState().run('docker info | grep Storage');
    await store.getState().startLesson('blog-tour', 'keep');
    store.getState().next();
    store.getState().next();
    store.getState().clearTranscript();
    store.getState().run('echo');
    expect(store.getState().lesson!.passed[2]).toBe(false);
  });

  it('a quiz waits for the answer, then runs its command and passes', async () => {
    const store = await pageStore();
    await store.getState().startLesson('quizzes');
    store.getState().typeForMe();
    store.getState().next();
    store.getState().typeForMe();
    store.getState().next();
    expect(store.getState().lesson!.step).toBe(2);
    store.getState().answer(0);
    const s = store.getState();
    expect(s.lesson!.chosen).toBe(0);
    expect(s.lesson!.passed[2]).toBe(true);
    expect(s.transcript.at(-1)!.command).toBe('docker diff quiz');
    store.getState().answer(2);
    expect(store.getState().lesson!.chosen).toBe(0);
  });

  it('previous keeps a passed step passed; stopLesson closes the lesson and keeps the machine', async () => {
    const store = await pageStore();
    await store.getState().startLesson('volumes');
    store.getState().typeForMe();
    store.getState().next();
    store.getState().previous();
    expect(store.getState().lesson!.step).toBe(0);
    expect(store.getState().lesson!.passed[0]).toBe(true);
    store.getState().stopLesson();
    expect(store.getState().lesson).toBeNull();
    expect(store.getState().session.world.volumes.has('data')).toBe(true);
  });

  it('asks before the tour on a used machine: yes starts it on a fresh one, where its first steps pass', async () => {
    const store = await pageStore();
    store.getState().run('docker run --name nginx -d nginx');
    store.getState().run('docker exec -it nginx /bin/bash');
    await store.getState().startLesson('blog-tour');
    expect(store.getState().freshOffer).toBe('blog-tour');
    expect(store.getState().lesson).toBeNull();
    store.getState().answerFreshOffer(true);
    await vi.waitFor(() => expect(store.getState().lesson?.lessonId).toBe('blog-tour'));
    const s = store.getState();
    expect(s.freshOffer).toBeNull();
    expect(s.session.world.containers.size).toBe(0);
    expect(s.prompt).toBe('$ ');
    await s.goToStep(3);
    store.getState().typeForMe();
    expect(store.getState().transcript.at(-1)!.exitCode).toBe(0);
    expect(store.getState().lesson!.passed[3]).toBe(true);
  });

  it('keeps the machine when told to, and opens nothing when the question is dismissed', async () => {
    const store = await pageStore();
    store.getState().run('docker run --name nginx -d nginx');
    await store.getState().startLesson('blog-tour');
    store.getState().answerFreshOffer(null);
    expect(store.getState().freshOffer).toBeNull();
    expect(store.getState().lesson).toBeNull();
    await store.getState().startLesson('blog-tour');
    store.getState().answerFreshOffer(false);
    await vi.waitFor(() => expect(store.getState().lesson?.lessonId).toBe('blog-tour'));
    expect(store.getState().session.world.containers.size).toBe(1);
  });

  it('asks nothing on a fresh machine, nor for a lesson that does not want one; reset does not ask', async () => {
    const store = await pageStore();
    await store.getState().startLesson('blog-tour');
    expect(store.getState().lesson?.lessonId).toBe('blog-tour');
    store.getState().run('docker run --name nginx -d nginx');
    await store.getState().startLesson('volumes');
    expect(store.getState().lesson?.lessonId).toBe('volumes');
    await store.getState().startLesson('blog-tour', 'reset');
    expect(store.getState().lesson?.lessonId).toBe('blog-tour');
    expect(store.getState().freshOffer).toBeNull();
    expect(store.getState().session.world.containers.size).toBe(0);
  });

  it('a jump forward on a fresh machine runs the earlier steps’ solutions, so the machine matches', async () => {
    const store = await pageStore();
    await store.getState().startLesson('blog-tour');
    await store.getState().goToStep(9);
    const s = store.getState();
    expect(s.lesson!.step).toBe(9);
    expect(s.transcript.map((e) => e.command)).toEqual([
      'docker info | grep Storage',
      'docker run --name nginx -d nginx',
      "docker image inspect nginx | jq '.[].RootFS'",
      'ls /var/lib/docker/image/overlay2/layerdb/sha256',
      "docker inspect nginx | jq '.[].GraphDriver'",
      'docker exec -it nginx /bin/bash',
      'touch TEST',
    ]);
    const tour = s.lessons.find((l) => l.id === 'blog-tour')!;
    expect(tour.steps.slice(0, 9).every((st, i) => !st.check || s.lesson!.passed[i])).toBe(true);
    // The replayed lines' output does not count for step 9, which passes on its own line.
    expect(s.lesson!.passed[9]).toBe(false);
    s.typeForMe();
    expect(store.getState().lesson!.passed[9]).toBe(true);
  });

  it('a jump on a used machine, or without replay, only moves', async () => {
    const store = await pageStore();
    await store.getState().startLesson('blog-tour');
    await store.getState().goToStep(4, { replay: false });
    expect(store.getState().transcript).toEqual([]);
    expect(store.getState().lesson!.step).toBe(4);
    store.getState().run('docker run -d nginx');
    await store.getState().goToStep(6);
    expect(store.getState().transcript).toHaveLength(1);
    expect(store.getState().lesson!.step).toBe(6);
    await store.getState().goToStep(99);
    expect(store.getState().lesson!.done).toBe(true);
  });

  it('opening a lesson (a link, the URL) opens the panel that shows it', async () => {
    const store = await pageStore();
    expect(store.getState().lessonPanelOpen).toBe(false);
    await store.getState().startLesson('whiteouts', 'keep');
    expect(store.getState().lessonPanelOpen).toBe(true);
  });

  it('an unknown lesson id opens nothing', async () => {
    const store = await pageStore();
    await store.getState().startLesson('no-such-lesson');
    expect(store.getState().lesson).toBeNull();
    expect(store.getState().lessonsLoaded).toBe(true);
  });
});
