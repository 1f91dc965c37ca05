import { Directive, computed, inject, input } from '@angular/core';
import { Observable } from 'rxjs';

import { AnnualContractView } from '@jcm/contracts';

import { MessageKey } from '../../../i18n/messages.ja';
import { ProgrammeYearEndApiService } from '../../../services/programme-year-end-api.service';
import { localDate } from '../shared/programme-labels';
import { JcmProgrammePage } from '../shared/programme-page';
import { PageActions } from '../shared/run-action';

/** What the signed-in organisation may do on this contract's year-end page. */
export interface YearEndRoles {
  /** MOE / secretariat (canInspectYearEnd). */
  oversight: boolean;
  /** A writer of the contracting company. */
  contractor: boolean;
  canSchedule: boolean;
  canHold: boolean;
  canConfirm: boolean;
  orgId: string | null;
}

export type YearEndLabelGroup = 'meetingKind' | 'meetingState' | 'settlementState' | 'deliverableState' | 'amountReason';

/** A section of the year-end page: the contract, the reader's roles and the page's actions. */
@Directive()
export abstract class JcmYearEndSection extends JcmProgrammePage {
  public readonly contract = input.required<AnnualContractView>();
  public readonly roles = input.required<YearEndRoles>();
  public readonly actions = input.required<PageActions>();

  protected readonly api = inject(ProgrammeYearEndApiService);
  protected readonly today = localDate();
  protected readonly busy = computed(() => this.actions().busy());

  protected enumLabel(group: YearEndLabelGroup, value: string): string {
    return this.i18n.t(`ye.${group}.${value}` as MessageKey);
  }

  protected act(request: Observable<unknown>, done: MessageKey, after?: () => void): void {
    this.actions().act(request, done, after);
  }

  protected invalid(key?: MessageKey): void {
    this.actions().invalid(key);
  }
}

/** A reference typed by a person: a web address, or else a file reference. */
export function refOf(reference: string): { url: string } | { fileRef: string } | Record<string, never> {
  const ref = reference.trim();
  return ref === '' ? {} : /^https?:\/\//.test(ref) ? { url: ref } : { fileRef: ref };
}
