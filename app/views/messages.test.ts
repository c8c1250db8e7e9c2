import { describe, expect, it } from 'vitest';
import type { Catalog } from '../i18n/i18n.ts';
import { storeMessages } from '../store/messages.ts';
import { explorerMessages } from './explorer/messages.ts';
import { appMessages } from './messages.ts';
import { panelMessages } from './panels/messages.ts';
import { stackMessages } from './stack/messages.ts';
import { terminalMessages } from './terminal/messages.ts';

const CATALOGS: Readonly<Record<string, Catalog<string>>> = {
  app: appMessages,
  explorer: explorerMessages,
  panels: panelMessages,
  stack: stackMessages,
  store: storeMessages,
  terminal: terminalMessages,
};

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe.each(Object.entries(CATALOGS))('the %s catalog', (_name, cat) => {
  it('has the same keys in Korean as in English', () => {
    expect(Object.keys(cat.ko).sort()).toEqual(Object.keys(cat.en).sort());
  });

  it('fills the same placeholders in both languages', () => {
    for (const key of Object.keys(cat.en))
      expect({ key, ko: placeholders(cat.ko[key]!) }).toEqual({ key, ko: placeholders(cat.en[key]!) });
  });

  it('leaves no Korean text empty', () => {
    for (const [key, en] of Object.entries(cat.en)) {
      const ko = cat.ko[key]!;
      expect({ key, empty: ko.trim() === '' && en.trim() !== '' }).toEqual({ key, empty: false });
    }
  });
});
