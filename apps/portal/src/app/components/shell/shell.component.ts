import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

import { pick } from '@jcm/portal-ui';

import { areasFor } from '../../core/portal-areas';
import { SessionService } from '../../core/session.service';
import { TranslationService } from '../../i18n/translation.service';
import { JcmLanguageSwitchComponent } from '../language-switch/language-switch.component';

/** Signed-in frame: who you are, the areas your organisation type works in, language, logout. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JcmLanguageSwitchComponent, RouterLink, RouterLinkActive, RouterOutlet],
  selector: 'jcm-shell',
  styleUrl: './shell.component.scss',
  templateUrl: './shell.component.html',
})
export class JcmShellComponent {
  protected readonly i18n = inject(TranslationService);
  private readonly router = inject(Router);
  private readonly session = inject(SessionService);

  protected readonly me = this.session.me;
  protected readonly organisationName = computed(() => {
    const organisation = this.me()?.organisation;
    return organisation ? pick(this.i18n.language(), organisation.nameJa, organisation.nameEn) : '';
  });
  protected readonly areas = computed(() => {
    const me = this.me();
    return me ? areasFor(me.organisation.type) : [];
  });

  protected logout(): void {
    this.session.end();
    void this.router.navigate(['/login']);
  }
}
