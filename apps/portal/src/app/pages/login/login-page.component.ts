import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { switchMap, tap } from 'rxjs';

import { httpStatus } from '@jcm/portal-ui';

import { JcmLanguageSwitchComponent } from '../../components/language-switch/language-switch.component';
import { SessionService } from '../../core/session.service';
import { MessageKey } from '../../i18n/messages.ja';
import { TranslationService } from '../../i18n/translation.service';
import { AuthApiService } from '../../services/auth-api.service';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JcmLanguageSwitchComponent, ReactiveFormsModule, RouterLink],
  selector: 'jcm-login-page',
  styleUrl: './login-page.component.scss',
  templateUrl: './login-page.component.html',
})
export class JcmLoginPageComponent {
  /** Query parameters (router input binding). */
  public readonly reason = input<string>();
  public readonly returnUrl = input<string>();

  protected readonly i18n = inject(TranslationService);
  private readonly authApi = inject(AuthApiService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly router = inject(Router);
  private readonly session = inject(SessionService);

  protected readonly demoAccounts = DEMO_ACCOUNTS;
  protected readonly demoPassword = DEMO_PASSWORD;
  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly submitted = signal(false);
  protected readonly submitting = signal(false);
  protected readonly failure = signal<MessageKey | null>(null);
  /** Why the guard or interceptor sent the user here, until they try to log in. */
  protected readonly notice = computed<MessageKey | null>(() => {
    if (this.failure()) return null;
    const reason = this.reason();
    if (reason === 'expired') return 'login.sessionExpired';
    return reason === 'unavailable' ? 'login.unavailable' : null;
  });

  protected emailError(): MessageKey | null {
    const email = this.form.controls.email;
    if (!this.submitted() || email.valid) return null;
    return email.hasError('required') ? 'login.emailRequired' : 'login.emailInvalid';
  }

  protected passwordError(): MessageKey | null {
    return this.submitted() && this.form.controls.password.invalid ? 'login.passwordRequired' : null;
  }

  protected submit(): void {
    this.submitted.set(true);
    this.failure.set(null);
    if (this.form.invalid || this.submitting()) return;

    this.submitting.set(true);
    this.authApi
      .login(this.form.getRawValue())
      .pipe(
        tap(({ accessToken }) => this.session.start(accessToken)),
        switchMap(() => this.authApi.fetchMe()),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        error: (error: unknown) => {
          this.session.end();
          this.submitting.set(false);
          // 400 means the gateway rejected the email's format: for the user that is still a wrong address.
          const wrongCredentials = [400, 401].includes(httpStatus(error));
          this.failure.set(wrongCredentials ? 'login.invalidCredentials' : 'login.unavailable');
        },
        next: (me) => {
          this.session.setMe(me);
          void this.router.navigateByUrl(this.safeReturnUrl());
        },
      });
  }

  /** Only same-app paths, so a crafted link cannot send a user elsewhere after login. */
  private safeReturnUrl(): string {
    const url = this.returnUrl();
    return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/login')
      ? url
      : '/partnerships';
  }
}
