import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';

import { UiTranslator, fillParams } from '@jcm/portal-ui';

import { Language, isLanguage } from './language';
import { en } from './messages.en';
import { MessageKey, ja } from './messages.ja';

const STORAGE_KEY = 'jcm.language';
const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { en, ja };

export type MessageParams = Record<string, string | number>;

/**
 * Runtime translation (one build, switchable without reload), so Angular's compile-time i18n is not used.
 * An explicit choice is remembered in localStorage and wins; otherwise the signed-in organisation decides
 * the default (partner cities read English, everyone else Japanese).
 */
@Injectable({ providedIn: 'root' })
export class TranslationService implements UiTranslator {
  private readonly document = inject(DOCUMENT);
  private readonly chosen = signal<Language | null>(readStoredLanguage());
  private readonly organisationDefault = signal<Language>('ja');

  public readonly language = computed<Language>(() => this.chosen() ?? this.organisationDefault());

  public constructor() {
    this.applyToDocument();
  }

  /** Reads the language signal, so templates and computeds re-render when the language changes. */
  public t(key: MessageKey, params?: MessageParams): string {
    return this.text(key, params);
  }

  /**
   * A key that is only known at run time (a problem or notice from @jcm/portal-ui, an enum label): an unknown key
   * is shown as written rather than breaking the page.
   */
  public text(key: string, params?: MessageParams): string {
    const dictionary: Record<string, string> = DICTIONARIES[this.language()];
    return fillParams(dictionary[key] ?? key, params);
  }

  public toggle(): void {
    this.choose(this.language() === 'ja' ? 'en' : 'ja');
  }

  public choose(language: Language): void {
    this.chosen.set(language);
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Storage can be unavailable (private mode, policy); the choice then lasts for this page only.
    }
    this.applyToDocument();
  }

  public setOrganisationDefault(language: Language): void {
    this.organisationDefault.set(language);
    this.applyToDocument();
  }

  /** Kept synchronous (not an effect) so `<html lang>` is right the moment the switch is clicked. */
  private applyToDocument(): void {
    this.document.documentElement.lang = this.language();
  }
}

function readStoredLanguage(): Language | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}
