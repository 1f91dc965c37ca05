import { defineEvent } from '../shared/define-event';
import { ApplicationView } from './grants.applications';
import { GrantCallView } from './grants.calls';
import { ReturnView } from './grants.review';
import * as z from 'zod';

/** NATS subjects of grants-service (DESIGN §4): request/reply `grants.<aggregate>.<verb>`. */
export const GRANTS_RPC = {
  partnershipProjection: { list: 'grants.partnership-projection.list' },
  call: {
    create: 'grants.call.create',
    transition: 'grants.call.transition',
    assignReviewers: 'grants.call.assign-reviewers',
    list: 'grants.call.list',
    get: 'grants.call.get',
    publicList: 'grants.call.public-list',
  },
  application: {
    create: 'grants.application.create',
    save: 'grants.application.save',
    check: 'grants.application.check',
    get: 'grants.application.get',
    list: 'grants.application.list',
    versions: 'grants.application.versions',
    confirm: 'grants.application.confirm',
    delegate: 'grants.application.delegate',
    submit: 'grants.application.submit',
    screen: 'grants.application.screen',
    score: 'grants.application.score',
    return: 'grants.application.return',
    adopt: 'grants.application.adopt',
    reject: 'grants.application.reject',
    review: 'grants.application.review',
  },
} as const;

const Returned = z.object({ application: ApplicationView, return: ReturnView });

/** Domain events of grants-service (`evt.` + type on the stream). */
export const GRANTS_EVENTS = {
  call: {
    created: defineEvent('grants.call.created', GrantCallView),
    published: defineEvent('grants.call.published', GrantCallView),
    closed: defineEvent('grants.call.closed', GrantCallView),
  },
  application: {
    created: defineEvent('grants.application.created', ApplicationView),
    delegated: defineEvent('grants.application.delegated', ApplicationView),
    submitted: defineEvent('grants.application.submitted', ApplicationView),
    returned: defineEvent('grants.application.returned', Returned),
    resubmitted: defineEvent('grants.application.resubmitted', Returned),
    adopted: defineEvent('grants.application.adopted', ApplicationView),
    rejected: defineEvent('grants.application.rejected', ApplicationView),
  },
} as const;
