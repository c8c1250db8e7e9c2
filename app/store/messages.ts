import { catalog } from '../i18n/i18n.ts';

/** What the store itself says: the one-step narration of undo and redo. */
export const storeMessages = catalog(
  {
    undone: 'Undone: {line} — the machine is back as it was before.',
    redone: 'Redone: {line}',
  },
  {
    undone: '실행 취소: {line} — 머신이 이 명령 전의 상태로 돌아갔습니다.',
    redone: '다시 실행: {line}',
  },
);
