import { describe, expect, it } from 'vitest';
import { fullAppUrl, parsePageOptions } from './options.ts';

describe("the page's URL options", () => {
  it('reads every option it knows', () => {
    expect(
      parsePageOptions(
        '?embed=1&lesson=blog-tour&step=3&lang=ko&theme=dark&autoplay=0&speed=0.5&origin=https://blog.example',
      ),
    ).toEqual({
      embed: true,
      lesson: 'blog-tour',
      step: 3,
      lang: 'ko',
      theme: 'dark',
      autoplay: false,
      speed: 0.5,
      parentOrigin: 'https://blog.example',
    });
  });

  it('ignores values it cannot use, and names it does not know', () => {
    expect(
      parsePageOptions(
        '?embed=yes&lesson=<b>&step=-1&lang=fr&theme=neon&autoplay=maybe&speed=3&origin=javascript:alert(1)&x=1',
      ),
    ).toEqual({ embed: true });
    expect(parsePageOptions('?origin=https://blog.example/path')).toEqual({ embed: false });
    expect(parsePageOptions('')).toEqual({ embed: false });
  });

  it('links the embed to the full app: the same URL without the embed options', () => {
    expect(
      fullAppUrl('https://blog.example/tools/layerlab/?embed=1&lang=ko&origin=https%3A%2F%2Fa.b#v=1&s=x'),
    ).toBe('https://blog.example/tools/layerlab/?lang=ko#v=1&s=x');
  });
});
