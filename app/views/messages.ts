import { catalog } from '../i18n/i18n.ts';

/** The page's frame: the header and the areas App lays out. */
export const appMessages = catalog(
  {
    tagline: 'See how Docker stores images and containers',
    darkTheme: 'Dark theme',
    language: 'Language',
    daemonState: 'Daemon state',
    pageTitle: 'Layerlab — how Docker stores images',
  },
  {
    tagline: 'Docker가 이미지와 컨테이너를 어떻게 저장하는지 살펴봅니다',
    darkTheme: '어두운 테마',
    language: '언어',
    daemonState: '데몬 상태',
    pageTitle: 'Layerlab — Docker가 이미지를 저장하는 방법',
  },
);
