import { describe, expect, it } from 'vitest';
import type { Session } from '../shell/session.ts';
import { createSession, runLine } from '../shell/session.ts';
import { stackContext } from './context.ts';
import { containerSteps } from './container-steps.ts';
import { ko } from './narrate-ko.ts';
import type { Step } from './step.ts';
import { stepsFor } from './steps.ts';

/** A session of the demo image with `web` running and a shell open in it; lines told in Korean. */
function demo() {
  let session: Session = createSession();
  const type = (line: string): Step[] => {
    const before = session;
    const r = runLine(session, line);
    session = r.session;
    const ranIn = before.frames[before.frames.length - 1]?.containerId ?? null;
    const containers = containerSteps(before.world, session.world, ko);
    return [
      ...containers.created,
      ...stepsFor({ line, events: r.events }, stackContext(session.world, ranIn, ko)),
      ...containers.removed,
    ];
  };
  return { type };
}

const text = (steps: readonly Step[], kind: Step['kind']): string | undefined =>
  steps.find((s) => s.kind === kind)?.text;

describe('the Korean narrator', () => {
  it('says a whole file is copied up for a small append, in the blog’s terms', () => {
    const d = demo();
    d.type('docker run -d --name web demo');
    d.type('docker exec -it web sh');
    const steps = d.type('echo hi >> /etc/app/app.conf');
    expect(text(steps, 'copy-up-prepare')).toBe(
      '복사 후 쓰기(copy-on-write): 3바이트만 덧붙이는데도 /etc/app/app.conf 파일 전체(47바이트)를 레이어 3에서 WorkDir로 복사합니다.',
    );
    expect(text(steps, 'write')).toBe(
      '쓰기 가능 레이어(upper)에 있는 /etc/app/app.conf의 복사본에 3바이트를 덧붙입니다.',
    );
  });

  it('says a deleted lower file leaves a whiteout, and the original stays hidden', () => {
    const d = demo();
    d.type('docker run -d --name web demo');
    d.type('docker exec -it web sh');
    expect(text(d.type('rm /etc/app/app.conf'), 'whiteout')).toBe(
      '/etc/app/app.conf 경로는 레이어 3에 있고 그곳은 읽기 전용 레이어(read-only layer)이므로, ' +
        '쓰기 가능 레이어(upper)의 그 자리에 화이트아웃(whiteout)을 둡니다: 찾기는 거기서 멈추고, 원본은 가려진 채 남습니다.',
    );
  });

  it('tells a commit: only the upper is taken, its tar becomes a layer, and a new image', () => {
    const d = demo();
    d.type('docker run -d --name web demo');
    d.type('docker exec web sh -c "echo hi >> /etc/app/app.conf"');
    const steps = d.type('docker commit web demo:hi');
    expect(text(steps, 'commit-freeze')).toBe(
      'docker commit은 web 컨테이너를 일시 정지하고 쓰기 가능 레이어(upper)를 고정합니다: init 레이어는 빼고 쓰기 가능 레이어만 가져갑니다.',
    );
    expect(text(steps, 'commit-layer')).toMatch(
      /^새 레이어\(파일 50바이트\)를 이미지의 레이어들 위에 쌓습니다 \(레이어 4\)\. 체인 ID\(chain ID\)는 sha256:[0-9a-f]{12}…입니다\.$/,
    );
    // The stack reads the new image's name from this sentence in either language (marks.ts).
    expect(text(steps, 'image-created')).toMatch(/^새 이미지 demo:hi \(ID [0-9a-f]{12}\): /);
  });

  it('puts no particle that depends on the last sound right after a path or a name', () => {
    const path = '/srv/x';
    const said = [
      ko.create(path, 'file', 'layer', 3),
      ko.create(path, 'dir', 'layer', null),
      ko.remove(path, 2),
      ko.truncate(path, 0, false),
      ko.rename(path, '/srv/y', true, 'layer'),
    ].join(' ');
    expect(said).not.toMatch(/\/srv\/[xy](을|를|이|가|은|는|으로|로)(\s|[.,:])/);
  });
});
