import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

import { SessionService } from '../../core/session.service';
import { TranslationService } from '../../i18n/translation.service';
import { JcmLanguageSwitchComponent } from '../language-switch/language-switch.component';

/** Frame of the public pages (calculators, registry): no sign-in needed; a way back into the portal. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JcmLanguageSwitchComponent, RouterLink, RouterLinkActive, RouterOutlet],
  selector: 'jcm-public-frame',
  styleUrl: './public-frame.component.scss',
  templateUrl: './public-frame.component.html',
})
export class JcmPublicFrameComponent {
  protected readonly i18n = inject(TranslationService);
  private readonly session = inject(SessionService);
  /** A stored token: the portal link says "back" rather than "log in" (the auth guard checks it anyway). */
  protected readonly hasSession = computed(() => this.session.accessToken() !== null);
}
