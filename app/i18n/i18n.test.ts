import { describe, expect, it } from 'vitest';
import { catalog, parseLanguage, pickLanguage, translator } from './i18n.ts';

const cat = catalog(
  { hello: 'Hello, {name}!', plain: 'Layer' },
  { hello: '{name}님, 안녕하세요!', plain: '레이어' },
);

describe('translator', () => {
  it('fills placeholders in the chosen language, as text', () => {
    expect(translator(cat, 'en')('hello', { name: 'web' })).toBe('Hello, web!');
    expect(translator(cat, 'ko')('hello', { name: '<b>web</b>' })).toBe('<b>web</b>님, 안녕하세요!');
    expect(translator(cat, 'ko')('plain')).toBe('레이어');
    expect(translator(cat, 'en')('hello')).toBe('Hello, {name}!');
  });
});

describe('language choice', () => {
  it('takes the URL first, then the browser, then English; anything else is ignored', () => {
    expect(pickLanguage('ko', ['en-US'])).toBe('ko');
    expect(pickLanguage(null, ['fr-FR', 'ko-KR'])).toBe('ko');
    expect(pickLanguage('xx', ['de'])).toBe('en');
    expect(parseLanguage('EN_gb')).toBe('en');
    expect(parseLanguage('<script>')).toBeNull();
  });
});
