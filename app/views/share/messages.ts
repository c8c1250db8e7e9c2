import { catalog } from '../../i18n/i18n.ts';

/** Share menu, embed snippets and the notices about links, saves and files. */
export const shareMessages = catalog(
  {
    share: 'Share',
    shareMenu: 'Share this session',
    copyLink: 'Copy link',
    copyLinkHint: 'A link that opens this session: the commands run, the lesson and its step.',
    linkLabel: 'Link to this session',
    exportFile: 'Export…',
    exportHint: 'Save the session as a scenario file (npm run replay reads it).',
    importFile: 'Import…',
    importHint: 'Open a scenario file; the session now is kept in this browser.',
    embed: 'Embed…',
    embedTitle: 'Embed Layerlab in a page',
    embedIntro:
      'Paste one of these into a page (a blog post, course notes). Replace the address with where you put the site. The frame makes no requests to other sites.',
    iframeSnippet: 'An iframe',
    scriptSnippet: 'A script and a custom element (sizes itself to its content)',
    copySnippet: 'Copy',
    close: 'Close',
    dismiss: 'Dismiss',
    noticesLabel: 'Messages',
    openFull: 'Open the full app',
    openFullHint: '(opens in a new tab)',
    embedLabel: 'Layerlab, embedded',
    linkTooLarge:
      'This link is too large to open ({detail}). Nothing was run; the app starts as usual and your saved session is kept.',
    linkUnreadable:
      'This link could not be read. Nothing was run; the app starts as usual and your saved session is kept.',
    linkInvalid:
      'This link is damaged or was changed ({detail}). Nothing was run; the app starts as usual and your saved session is kept.',
    linkUnknownVersion:
      'This link was made by a newer or unknown version of Layerlab ({detail}). Nothing was run; your saved session is kept.',
    linkRestored: 'Opened the shared session: {detail} commands run again.',
    savedCorrupt:
      'The session saved in this browser could not be read ({detail}). The app starts fresh; the unreadable data was kept aside under "layerlab.session.unreadable".',
    savedRestored: 'Your last session is back: {detail} commands run again.',
    importFailed: 'This file could not be imported: {detail}. Nothing was changed.',
    importOwnImages:
      'This scenario defines its own images ({detail}); the page starts from the built-in catalog only. Replay it with npm run replay. Nothing was changed.',
    copied: 'Copied to the clipboard.',
    copyFailed: 'The browser did not allow copying: select the text and copy it by hand.',
  },
  {
    share: '공유',
    shareMenu: '이 세션 공유',
    copyLink: '링크 복사',
    copyLinkHint: '이 세션(실행한 명령, 레슨과 단계)을 여는 링크입니다.',
    linkLabel: '이 세션의 링크',
    exportFile: '내보내기…',
    exportHint: '세션을 시나리오 파일로 저장합니다(npm run replay로 읽을 수 있습니다).',
    importFile: '가져오기…',
    importHint: '시나리오 파일을 엽니다. 지금 세션은 이 브라우저에 보관됩니다.',
    embed: '임베드…',
    embedTitle: '페이지에 Layerlab 넣기',
    embedIntro:
      '아래 코드 중 하나를 페이지(블로그 글, 강의 노트)에 붙여 넣으세요. 주소는 사이트를 올린 곳으로 바꾸세요. 프레임은 다른 사이트에 요청하지 않습니다.',
    iframeSnippet: 'iframe',
    scriptSnippet: '스크립트와 사용자 정의 요소(내용에 맞춰 높이가 바뀝니다)',
    copySnippet: '복사',
    close: '닫기',
    dismiss: '닫기',
    noticesLabel: '알림',
    openFull: '전체 앱 열기',
    openFullHint: '(새 탭에서 열림)',
    embedLabel: '임베드된 Layerlab',
    linkTooLarge:
      '링크가 너무 커서 열 수 없습니다({detail}). 아무것도 실행하지 않았습니다. 앱은 평소처럼 시작하고 저장된 세션은 그대로 있습니다.',
    linkUnreadable:
      '링크를 읽을 수 없습니다. 아무것도 실행하지 않았습니다. 앱은 평소처럼 시작하고 저장된 세션은 그대로 있습니다.',
    linkInvalid:
      '링크가 손상되었거나 바뀌었습니다({detail}). 아무것도 실행하지 않았습니다. 앱은 평소처럼 시작하고 저장된 세션은 그대로 있습니다.',
    linkUnknownVersion:
      '더 새롭거나 알 수 없는 버전의 Layerlab이 만든 링크입니다({detail}). 아무것도 실행하지 않았고 저장된 세션은 그대로 있습니다.',
    linkRestored: '공유된 세션을 열었습니다: 명령 {detail}개를 다시 실행했습니다.',
    savedCorrupt:
      '이 브라우저에 저장된 세션을 읽을 수 없습니다({detail}). 앱은 새로 시작합니다. 읽지 못한 데이터는 "layerlab.session.unreadable"에 따로 보관했습니다.',
    savedRestored: '지난 세션을 되살렸습니다: 명령 {detail}개를 다시 실행했습니다.',
    importFailed: '이 파일을 가져올 수 없습니다: {detail}. 아무것도 바뀌지 않았습니다.',
    importOwnImages:
      '이 시나리오는 자체 이미지({detail})를 정의합니다. 페이지는 내장 카탈로그로만 시작합니다. npm run replay로 재생하세요. 아무것도 바뀌지 않았습니다.',
    copied: '클립보드에 복사했습니다.',
    copyFailed: '브라우저가 복사를 허용하지 않았습니다. 텍스트를 선택해 직접 복사하세요.',
  },
);
