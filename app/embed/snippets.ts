/**
 * The copy-paste snippets for a page that embeds Layerlab, for the site at `base` (the directory the
 * built site is served from, ending in '/'). Text to paste elsewhere: shown in the app as text.
 */
export function siteBase(href: string): string {
  const url = new URL(href);
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(/[^/]*$/, '');
  return url.href;
}

export function iframeSnippet(base: string, lang: string, lesson?: string): string {
  const q = new URLSearchParams({ embed: '1', lang, ...(lesson ? { lesson } : {}) });
  return [
    `<iframe src="${base}?${q.toString().replace(/&/g, '&amp;')}"`,
    `  title="Layerlab: how Docker stores images" width="768" height="430"`,
    `  style="border:0; width:100%; max-width:768px" loading="lazy"></iframe>`,
  ].join('\n');
}

export function scriptSnippet(base: string, lang: string, lesson?: string): string {
  return [
    `<script src="${base}layerlab-embed.js" defer></script>`,
    `<layerlab-embed src="${base}"${lesson ? ` lesson="${lesson}"` : ''} lang="${lang}"></layerlab-embed>`,
  ].join('\n');
}
