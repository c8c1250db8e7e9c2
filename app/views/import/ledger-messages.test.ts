import { describe, expect, it } from 'vitest';
import { ledgerMessages } from './ledger-messages.ts';

// The same checks app/views/messages.test.ts makes of the other catalogs.
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('the ledger catalog', () => {
  it('has the same keys and placeholders in Korean as in English, and no empty Korean', () => {
    expect(Object.keys(ledgerMessages.ko).sort()).toEqual(Object.keys(ledgerMessages.en).sort());
    for (const [key, en] of Object.entries(ledgerMessages.en)) {
      const ko = ledgerMessages.ko[key as keyof typeof ledgerMessages.en];
      expect({ key, ko: placeholders(ko) }).toEqual({ key, ko: placeholders(en) });
      expect({ key, empty: ko.trim() === '' }).toEqual({ key, empty: false });
    }
  });
});
