import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { BehaviorSubject } from 'rxjs';

import { LETTER_MAX_BYTES, LetterFileUpload, LetterMediaType } from '@jcm/contracts';
import {
  JCM_FORMAT_PIPES,
  ActionRunner,
  JcmLoadStatusComponent,
  JcmProblemBoxComponent,
  Problem,
  loadFor,
  loaded,
} from '@jcm/portal-ui';

import { TranslationService } from '../../../i18n/translation.service';
import { SessionService } from '../../../core/session.service';
import { MessageKey } from '../../../i18n/messages.ja';
import { ProgrammeApiService } from '../../../services/programme-api.service';
import { localDate } from '../shared/programme-labels';

const MAX_KIB = Math.floor(LETTER_MAX_BYTES / 1024);

/** A file read in the browser as the API wants it (base64 in JSON), or why it cannot be sent. */
async function readUpload(file: File): Promise<LetterFileUpload | MessageKey> {
  const mediaType = LetterMediaType.safeParse(file.type);
  if (!mediaType.success) return 'prog.letter.err.type';
  if (file.size > LETTER_MAX_BYTES) return 'prog.letter.err.size';
  if (file.size === 0) return 'prog.letter.err.empty';
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { contentBase64: btoa(binary), filename: file.name.slice(0, 200), mediaType: mediaType.data };
}

/** 関心表明レター: the issuer uploads its signed original; the company adds the 和訳 for a letter not in Japanese. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JCM_FORMAT_PIPES, JcmLoadStatusComponent, JcmProblemBoxComponent, RouterLink],
  selector: 'jcm-letter-page',
  styleUrl: '../shared/programme.scss',
  templateUrl: './letter-page.component.html',
})
export class JcmLetterPageComponent {
  protected readonly i18n = inject(TranslationService);
  public readonly id = input.required<string>();

  private readonly api = inject(ProgrammeApiService);
  private readonly session = inject(SessionService);
  private readonly reload$ = new BehaviorSubject<void>(undefined);

  protected readonly maxKib = MAX_KIB;
  protected readonly today = localDate();
  protected readonly state = loadFor(this.id, this.reload$, (id) => this.api.fetchLetter(id));
  protected readonly letter = computed(() => loaded(this.state()));
  private readonly writes = computed(() => this.session.me()?.role !== 'viewer');
  protected readonly isIssuer = computed(
    () => this.writes() && this.letter()?.issuer.orgId === this.session.me()?.organisation.id,
  );
  protected readonly isCompany = computed(
    () => this.writes() && this.session.me()?.organisation.type === 'COMPANY',
  );
  protected readonly canUploadOriginal = computed(
    () => (this.isIssuer() || this.isCompany()) && this.letter()?.state === 'requested',
  );
  protected readonly canAddTranslation = computed(() => {
    const letter = this.letter();
    return (this.isCompany() || this.isIssuer()) && letter?.state === 'received' && letter.language !== 'ja';
  });

  protected readonly original = signal<LetterFileUpload | null>(null);
  protected readonly translation = signal<LetterFileUpload | null>(null);
  protected readonly fileError = signal<MessageKey | null>(null);
  private readonly action = new ActionRunner();
  protected readonly busy = this.action.busy;
  protected readonly problem = this.action.problem;
  protected readonly done = signal<MessageKey | null>(null);

  protected async pick(event: Event, target: 'original' | 'translation'): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    this.fileError.set(null);
    (target === 'original' ? this.original : this.translation).set(null);
    if (!file) return;
    const upload = await readUpload(file);
    if (typeof upload === 'string') this.fileError.set(upload);
    else (target === 'original' ? this.original : this.translation).set(upload);
  }

  protected submitOriginal(
    language: string,
    signatoryName: string,
    signatoryTitle: string,
    signedOn: string,
    statement: string,
  ): void {
    const letter = this.letter();
    const file = this.original();
    if (!letter) return;
    if (
      !file ||
      !signatoryName.trim() ||
      !/^\d{4}-\d{2}-\d{2}$/.test(signedOn) ||
      language.trim().length < 2
    ) {
      this.problem.set({ detail: null, issues: [], key: 'prog.letter.err.incomplete', refusals: [] });
      return;
    }
    this.send(
      this.api.uploadLetterOriginal(letter.id, {
        file,
        language: language.trim(),
        signatoryName: signatoryName.trim(),
        signedOn,
        ...(signatoryTitle.trim() ? { signatoryTitle: signatoryTitle.trim() } : {}),
        ...(statement.trim() ? { statement: statement.trim() } : {}),
      }),
      'prog.letter.done.uploaded',
    );
  }

  protected submitTranslation(): void {
    const letter = this.letter();
    const file = this.translation();
    if (!letter) return;
    if (!file) {
      this.problem.set({ detail: null, issues: [], key: 'prog.letter.err.incomplete', refusals: [] });
      return;
    }
    this.send(this.api.attachLetterTranslation(letter.id, file), 'prog.letter.done.translated');
  }

  private send(source: ReturnType<ProgrammeApiService['fetchLetter']>, doneKey: MessageKey): void {
    if (this.busy()) return;
    this.action.run(source, () => {
      this.done.set(doneKey);
      this.original.set(null);
      this.translation.set(null);
      this.reload$.next();
    });
  }
}
