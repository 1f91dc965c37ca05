import { finding, type Finding } from '../shared/finding';

/** A member of an international consortium (国際コンソーシアム). */
export interface ConsortiumMember {
  role: 'REPRESENTATIVE' | 'CO_IMPLEMENTER';
  /** ISO 3166-1 alpha-2 country of incorporation. */
  country: string;
  isLeasingCompany?: boolean;
}

const SRC_COMPOSITION = 'jcm-grants.md §8 R-APP-02 / 公募要領 L273–L275 国際コンソーシアム';
const SRC_ECO_LEASE = 'jcm-grants.md §8 R-APP-03 / 公募要領 L282 エコリース';

// jcm-grants.md §8 R-APP-02 / 公募要領 L273–L275: 代表事業者（日本法人）と外国法人等（共同事業者）により構成.
/** Consortium composition (国際コンソーシアムの構成): exactly one Japanese representative and ≥1 foreign co-implementer. */
export function consortiumComposition(members: readonly ConsortiumMember[]): Finding[] {
  const representatives = members.filter((m) => m.role === 'REPRESENTATIVE');
  const findings: Finding[] = [];
  if (representatives.length !== 1) {
    findings.push(
      finding(
        'R-APP-02',
        'error',
        `代表事業者は1者でなければなりません（現在${representatives.length}者）。`,
        `A consortium has exactly one representative (now ${representatives.length}).`,
        SRC_COMPOSITION,
      ),
    );
  } else if (representatives[0].country !== 'JP') {
    findings.push(
      finding(
        'R-APP-02',
        'error',
        '代表事業者は日本法人でなければなりません。',
        'The representative must be a Japanese corporation.',
        SRC_COMPOSITION,
      ),
    );
  }
  // The ≥1 minimum is the spec's inference from 「…と外国法人等…により構成」 (jcm-grants.md §2 [INFER]).
  if (!members.some((m) => m.role === 'CO_IMPLEMENTER' && m.country !== 'JP')) {
    findings.push(
      finding(
        'R-APP-02',
        'error',
        '共同事業者として外国法人等が1者以上必要です。',
        'At least one foreign entity must join as a co-implementer.',
        SRC_COMPOSITION,
      ),
    );
  }
  return findings;
}

// jcm-grants.md §8 R-APP-03 / 公募要領 L282: エコリースの場合、代表事業者はリース事業者.
/** Eco-Lease applications are led by a leasing company (エコリース: 代表事業者はリース会社). */
export function ecoLeaseRepresentative(
  scheme: 'REGULAR' | 'ECO_LEASE',
  members: readonly ConsortiumMember[],
): Finding[] {
  if (scheme !== 'ECO_LEASE') return [];
  const representative = members.find((m) => m.role === 'REPRESENTATIVE');
  return representative?.isLeasingCompany
    ? []
    : [
        finding(
          'R-APP-03',
          'error',
          'エコリース案件の代表事業者はリース事業者でなければなりません。',
          'In an Eco-Lease project the representative must be a leasing company.',
          SRC_ECO_LEASE,
        ),
      ];
}

// jcm-grants.md §6.5, §8 R-POST-11 / 公募要領 L279–L280, L360–L362: 構成員の変更はセンターの承認と変更報告.
/** A consortium member change after adoption (構成員の変更) needs the Center's approval and a change report. */
export function consortiumMemberChange(change: {
  centerApproved: boolean;
  changeReportFiled: boolean;
}): Finding[] {
  const findings: Finding[] = [];
  const src = 'jcm-grants.md §8 R-POST-11 / 公募要領 L279–L280, L360–L362';
  if (!change.centerApproved) {
    findings.push(
      finding(
        'R-POST-11',
        'error',
        '構成員の変更にはセンターの承認が必要です。',
        'A member change needs the Center’s approval.',
        src,
      ),
    );
  }
  if (!change.changeReportFiled) {
    findings.push(
      finding(
        'R-POST-11',
        'error',
        '構成員の変更時は変更報告を提出してください。',
        'File a change report for the member change.',
        src,
      ),
    );
  }
  return findings;
}
