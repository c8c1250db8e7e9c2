import type { StateCreator } from 'zustand/vanilla';
import type { Language } from '../i18n/i18n.ts';
import type { AppState } from './store.ts';

export type Theme = 'light' | 'dark';
export type { Language };

export interface SettingsSlice {
  readonly theme: Theme;
  readonly language: Language;
  setTheme(theme: Theme): void;
  toggleTheme(): void;
  /** Switch the language of everything the app says; the session is kept. */
  setLanguage(language: Language): void;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  theme: 'light',
  language: 'en',
  setTheme(theme) {
    set({ theme });
  },
  toggleTheme() {
    set((s) => ({ theme: s.theme === 'light' ? 'dark' : 'light' }));
  },
  setLanguage(language) {
    set({ language });
  },
});
