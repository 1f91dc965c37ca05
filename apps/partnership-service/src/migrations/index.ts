import { CreateMessagingPlumbing1767225600000 } from './1767225600000-CreateMessagingPlumbing';
import { CreatePartnership1767225600001 } from './1767225600001-CreatePartnership';
import { CreateCallRound1767225600002 } from './1767225600002-CreateCallRound';
import { CreateProposal1767225600003 } from './1767225600003-CreateProposal';
import { CreateAnnualContract1767225600004 } from './1767225600004-CreateAnnualContract';
import { CreateInterestLetterAndJcmLead1767225600005 } from './1767225600005-CreateInterestLetterAndJcmLead';
import { AddPartnershipAgreement1767225600008 } from './1767225600008-AddPartnershipAgreement';
import { AddPartnershipOtherParticipants1767225600007 } from './1767225600007-AddPartnershipOtherParticipants';
import { CreateYearEndRecords1767225600006 } from './1767225600006-CreateYearEndRecords';
import { CreateIdempotencyKey1767225600009 } from './1767225600009-CreateIdempotencyKey';

/** In order; each is tested up, down, up. */
export const PARTNERSHIP_MIGRATIONS = [
  CreateMessagingPlumbing1767225600000,
  CreatePartnership1767225600001,
  CreateCallRound1767225600002,
  CreateProposal1767225600003,
  CreateAnnualContract1767225600004,
  CreateInterestLetterAndJcmLead1767225600005,
  CreateYearEndRecords1767225600006,
  AddPartnershipOtherParticipants1767225600007,
  AddPartnershipAgreement1767225600008,
  CreateIdempotencyKey1767225600009,
];
