import { ChangeDetectionStrategy, Component, booleanAttribute, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { ProposalView } from '@jcm/contracts';

import { JcmProgrammePage } from './programme-page';

/** 企画書の一覧: on the home page the pair, and for a call's reviewers also the applicant and the score. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
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
              <th scope="row"><a [routerLink]="['/programme/proposals', proposal.id]">{{ title(proposal) }}</a></th>
              <td class="small">
                @if (forCall()) {
                  {{ name(proposal.company) }}<br />
                }
                {{ name(proposal.municipality) }} – {{ name(proposal.partnerCity) }}
              </td>
              <td>{{ label('kind', proposal.kind) }}</td>
              <td><span class="badge">{{ label('proposalState', proposal.state) }}</span></td>
              <td class="num">{{ amount(proposal.requestedYen) }}</td>
              @if (forCall()) {
                <td class="num">{{ proposal.score ? proposal.score.total + ' / ' + proposal.score.maxTotal : '—' }}</td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class JcmProposalTableComponent extends JcmProgrammePage {
  public readonly proposals = input.required<readonly ProposalView[]>();
  /** The call's reviewers' view: the applicant company and the score too. */
  public readonly forCall = input(false, { transform: booleanAttribute });
}
