import { catalog } from '../i18n/i18n.ts';

/**
 * What the store itself says: the one-step narration of undo and redo, and the app's own words in
 * the terminal (its errors, and why a catalog file could not be had) — the tools' output stays as
 * the tools print it.
 */
export const storeMessages = catalog(
  {
    undone: 'Undone: {line} — the machine is back as it was before.',
    redone: 'Redone: {line}',
    internalError: 'layerlab: internal error: {message}',
    shellNotLoaded: 'layerlab: the simulated machine could not be loaded ({reason}); reload the page',
    noCatalog: 'no catalog in this page',
    indexNotLoaded: 'the catalog index is not loaded',
    stillMissing: 'loaded, yet still missing',
    notJson: 'not valid JSON',
  },
  {
    undone: '실행 취소: {line} — 머신이 이 명령 전의 상태로 돌아갔습니다.',
    redone: '다시 실행: {line}',
    internalError: 'layerlab: 내부 오류: {message}',
    shellNotLoaded: 'layerlab: 시뮬레이션 머신을 불러오지 못했습니다({reason}). 페이지를 새로 고치세요',
    noCatalog: '이 페이지에는 카탈로그가 없음',
    indexNotLoaded: '카탈로그 색인(index)을 아직 불러오지 않음',
    stillMissing: '불러왔지만 여전히 없음',
    notJson: '올바른 JSON이 아님',
  },
);
