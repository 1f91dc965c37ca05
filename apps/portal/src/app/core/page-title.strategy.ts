import { Injectable, effect, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';

import { MessageKey } from '../i18n/messages.ja';
import { TranslationService } from '../i18n/translation.service';

/** Route `title`s are message keys, so the tab title follows the language switch too. */
@Injectable({ providedIn: 'root' })
export class PageTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly translation = inject(TranslationService);
  private readonly pageKey = signal<MessageKey | null>(null);

  public constructor() {
    super();
    effect(() => {
      const appName = this.translation.t('app.name');
      const key = this.pageKey();
      this.title.setTitle(key ? `${this.translation.t(key)} | ${appName}` : appName);
    });
  }

  public override updateTitle(snapshot: RouterStateSnapshot): void {
    this.pageKey.set((this.buildTitle(snapshot) as MessageKey | undefined) ?? null);
  }
}
