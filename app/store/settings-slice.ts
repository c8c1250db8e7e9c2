import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store.ts';

export type Theme = 'light' | 'dark';
/** Only English for now; the i18n issue adds the others. */
export type Language = 'en';

export interface SettingsSlice {
  readonly theme: Theme;
  readonly language: Language;
  setTheme(theme: Theme): void;
  toggleTheme(): void;
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
});
