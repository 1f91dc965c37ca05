import { Injectable, Signal, signal } from '@angular/core';

import { uiMessagesEn, uiMessagesJa } from './ui-messages';

/** Display languages: Japanese is the source language; English serves partner cities abroad. */
export type UiLanguage = 'ja' | 'en';

export type UiParams = Record<string, string | number>;

/**
 * What the library's components and pipes need from the portal's translation: the reader's language and a lookup
 * of message keys (`ui.*` of this library, and the portal's own keys for labels and problems). The portal provides
 * its TranslationService here; without it the built-in one knows only the library's texts.
 */
@Injectable({ providedIn: 'root', useFactory: () => new BuiltInUiTranslator() })
export abstract class UiTranslator {
  public abstract readonly language: Signal<UiLanguage>;
  public abstract t(key: string, params?: UiParams): string;
}

export class BuiltInUiTranslator extends UiTranslator {
  public readonly language = signal<UiLanguage>('ja');

  public t(key: string, params?: UiParams): string {
    const dictionary: Record<string, string> = this.language() === 'ja' ? uiMessagesJa : uiMessagesEn;
    return fillParams(dictionary[key] ?? key, params);
  }
}

/** `{name}` placeholders filled from params; an unknown placeholder stays as written. */
export function fillParams(text: string, params?: UiParams): string {
  return params ? text.replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match)) : text;
}

/** Names in the contracts come in pairs (`nameJa`/`nameEn`, `titleJa`/`titleEn`). */
export function pick(language: UiLanguage, ja: string, en: string): string {
  return language === 'ja' ? ja : en;
}
