import { TranslationService } from '../../../i18n/translation.service';
import { ChangeDetectionStrategy, Component, booleanAttribute, input, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { ProposalView } from '@jcm/contracts';
import { JCM_FORMAT_PIPES } from '@jcm/portal-ui';

/** 企画書の一覧: on the home page the pair, and for a call's reviewers also the applicant and the score. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JCM_FORMAT_PIPES, RouterLink],
  selector: 'jcm-proposal-table',
  styleUrl: './programme.scss',
  template: `
    <div class="table-scroll">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{{ i18n.t('prog.col.title') }}</th>
            <th scope="col">{{ i18n.t(forCall() ? 'prog.col.applicant' : 'prog.col.parties') }}</th>
            <th scope="col">{{ i18n.t('prog.col.kind') }}</th>
            <th scope="col">{{ i18n.t('prog.col.state') }}</th>
            <th class="num" scope="col">{{ i18n.t('prog.col.requested') }}</th>
            @if (forCall()) {
              <th class="num" scope="col">{{ i18n.t('prog.col.score') }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (proposal of proposals(); track proposal.id) {
            <tr data-testid="proposal-row">
              <th scope="row">
                <a [routerLink]="['/programme/proposals', proposal.id]">{{ proposal | jcmName }}</a>
              </th>
              <td class="small">
                @if (forCall()) {
                  {{ proposal.company | jcmName }}<br />
                }
                {{ proposal.municipality | jcmName }} – {{ proposal.partnerCity | jcmName }}
              </td>
              <td>{{ proposal.kind | jcmLabel: 'prog.kind' }}</td>
              <td>
                <span class="badge">{{ proposal.state | jcmLabel: 'prog.proposalState' }}</span>
              </td>
              <td class="num">{{ proposal.requestedYen | jcmYen }}</td>
              @if (forCall()) {
                <td class="num">
                  {{ proposal.score ? proposal.score.total + ' / ' + proposal.score.maxTotal : '—' }}
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class JcmProposalTableComponent {
  protected readonly i18n = inject(TranslationService);
  public readonly proposals = input.required<readonly ProposalView[]>();
  /** The call's reviewers' view: the applicant company and the score too. */
  public readonly forCall = input(false, { transform: booleanAttribute });
}
