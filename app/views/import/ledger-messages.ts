import { catalog } from '../../i18n/i18n.ts';

/**
 * The byte ledger's layer rows folded out: each layer's largest files and directories (issue #6).
 * The ledger's first keys (its table and summary) are still in messages.ts beside it.
 */
export const ledgerMessages = catalog(
  {
    layerHint: 'Select a layer to see its largest files and directories.',
    layerToggle: 'Layer {layer}: largest files and directories',
    filesCaption: 'Largest files of layer {layer}',
    dirsCaption: 'Largest directories of layer {layer}',
    dirsNote: 'Counting only this layer’s files beneath each.',
    size: 'Size',
    file: 'File',
    directory: 'Directory',
    hiddenFlag: 'hidden by a later layer',
    noFiles: 'Layer {layer} holds no file bytes: only whiteouts, directories or links.',
  },
  {
    layerHint: '레이어를 선택하면 그 레이어의 가장 큰 파일과 디렉터리를 보여 줍니다.',
    layerToggle: '레이어 {layer}: 가장 큰 파일과 디렉터리',
    filesCaption: '레이어 {layer}의 가장 큰 파일',
    dirsCaption: '레이어 {layer}의 가장 큰 디렉터리',
    dirsNote: '각 디렉터리 아래에 있는 이 레이어의 파일만 셉니다.',
    size: '크기',
    file: '파일',
    directory: '디렉터리',
    hiddenFlag: '위 레이어에 가려짐',
    noFiles: '레이어 {layer}에는 바이트를 차지하는 파일이 없습니다. 화이트아웃, 디렉터리, 링크만 있습니다.',
  },
);
