import { catalog } from '../../i18n/i18n.ts';

/** What the terminal itself says around the shell (the shell's output stays as the tools print it). */
export const terminalMessages = catalog(
  {
    title: 'Terminal',
    transcript: 'Transcript',
    hintStart: 'Type a command and press Enter. Try ',
    hintThen: ', then ',
    hintEnd: '.',
    whereHost: 'host · bash',
    whereContainer: 'container {name} · {shell}',
    command: 'Command',
    keys: 'Tab completes commands, names and paths. To leave the terminal, press Escape then Tab, or Shift+Tab.',
    completions: 'Completions',
    commandOmitted: ' … {count} not shown',
    outputOmitted: '[output truncated: {count} not shown]',
    charactersOne: '{n} more character',
    charactersMany: '{n} more characters',
  },
  {
    title: '터미널',
    transcript: '터미널 출력',
    hintStart: '명령을 입력하고 Enter를 누르세요. 먼저 ',
    hintThen: ' 명령을, 이어서 ',
    hintEnd: ' 명령을 실행해 보세요.',
    whereHost: '호스트 · bash',
    whereContainer: '컨테이너 {name} · {shell}',
    command: '명령',
    keys: 'Tab 키로 명령, 이름, 경로를 완성합니다. 터미널에서 나가려면 Escape 다음 Tab, 또는 Shift+Tab을 누르세요.',
    completions: '완성 후보',
    commandOmitted: ' … {count} 생략',
    outputOmitted: '[출력 잘림: {count} 생략]',
    charactersOne: '{n}자 더',
    charactersMany: '{n}자 더',
  },
);
export type TerminalKey = keyof typeof terminalMessages.en;
