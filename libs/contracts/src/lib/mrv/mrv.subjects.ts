import { defineEvent } from '../shared/define-event';
import { MonitoringReportVerifiedEvent } from './mrv.monitoring-reports';
import { JcmProjectRegisteredEvent } from './mrv.projects';

/** NATS subjects of mrv-service (DESIGN §4): request/reply `mrv.<aggregate>.<verb>`. */
export const MRV_RPC = {
  methodology: {
    save: 'mrv.methodology.save',
    publish: 'mrv.methodology.publish',
    revise: 'mrv.methodology.revise',
    get: 'mrv.methodology.get',
    list: 'mrv.methodology.list',
  },
  tpeAccreditation: { grant: 'mrv.tpe-accreditation.grant', list: 'mrv.tpe-accreditation.list' },
  project: {
    create: 'mrv.project.create',
    update: 'mrv.project.update',
    assignValidator: 'mrv.project.assign-validator',
    validate: 'mrv.project.validate',
    register: 'mrv.project.register',
    get: 'mrv.project.get',
    list: 'mrv.project.list',
  },
  monitoringReport: {
    create: 'mrv.monitoring-report.create',
    update: 'mrv.monitoring-report.update',
    submit: 'mrv.monitoring-report.submit',
    assignVerifier: 'mrv.monitoring-report.assign-verifier',
    verify: 'mrv.monitoring-report.verify',
    rerun: 'mrv.monitoring-report.rerun',
    trace: 'mrv.monitoring-report.trace',
    get: 'mrv.monitoring-report.get',
    list: 'mrv.monitoring-report.list',
    /** Legacy one-step record of a report verified outside the platform (no project, no calculation). */
    recordVerified: 'mrv.monitoring-report.record-verified',
  },
  finding: {
    raise: 'mrv.finding.raise',
    respond: 'mrv.finding.respond',
    resolve: 'mrv.finding.resolve',
    list: 'mrv.finding.list',
  },
} as const;

/** Domain events of mrv-service (`evt.` + type on the stream), each with the payload it carries. */
export const MRV_EVENTS = {
  project: {
    /** The Joint Committee registered the project (jcm-grants.md §6.3). */
    registered: defineEvent('mrv.project.registered', JcmProjectRegisteredEvent),
  },
  monitoringReport: {
    /** A TPE verified a monitoring report: credits-service prepares a pending issuance for the registry manager. */
    verified: defineEvent('mrv.monitoring-report.verified', MonitoringReportVerifiedEvent),
  },
} as const;
