import { catalog } from '../../i18n/i18n.ts';

/** What presenter mode says: its button, the last command's banner, its controls and the blank screen. */
export const messages = catalog(
  {
    enter: 'Presenter mode',
    exit: 'Exit presenter mode',
    lastCommand: 'Last command',
    noCommand: 'Type a command below: it shows here, big, with the first lines it prints.',
    moreLines: '… {count} more lines in the terminal',
    controls: 'Presenter controls',
    speed: 'Speed',
    slower: 'Slower',
    faster: 'Faster',
    instant: 'Instant',
    times: '{speed}×',
    blank: 'Blank screen',
    blanked: 'The screen is blank. Press any key or click to show it again.',
    keys: 'PageDown or → next step · PageUp or ← step back · B blank · + − speed · Esc exit',
  },
  {
    enter: '발표자 모드',
    exit: '발표자 모드 끝내기',
    lastCommand: '마지막 명령',
    noCommand: '아래에 명령을 입력하면 여기에 크게 보입니다. 출력의 첫 줄들도 함께 보입니다.',
    moreLines: '… 터미널에 {count}줄 더 있음',
    controls: '발표자 조작',
    speed: '속도',
    slower: '느리게',
    faster: '빠르게',
    instant: '즉시',
    times: '{speed}×',
    blank: '화면 가리기',
    blanked: '화면을 가렸습니다. 아무 키나 누르거나 클릭하면 다시 보입니다.',
    keys: 'PageDown 또는 → 다음 단계 · PageUp 또는 ← 이전 단계 · B 화면 가리기 · + − 속도 · Esc 끝내기',
  },
);
