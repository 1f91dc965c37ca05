/**
 * Guidance on the programme pages: who does what, and why a step is not offered. Spread into messages.ja.ts /
 * messages.en.ts. Sources are named as users know them (都市間連携ガイドブック 2025年度改訂版 §3.2).
 */
export const programmeHelpJa = {
  'help.call.whoApplies': 'この公募に応募するのは代表事業者です',
  'help.call.municipalityRole':
    '企画書を提出するのは、代表事業者となる日本の民間企業・研究機関・大学等です。日本の自治体が自ら応募することは想定されていません（ルール C3P-E1、都市間連携ガイドブック §3.2）。貴自治体は代表事業者と実施体制を整え、関心表明レターを提出します。',
  'help.call.partnerRole':
    '企画書を提出するのは、代表事業者となる日本の民間企業・研究機関・大学等です。海外パートナー都市が自ら応募することは想定されていません（ルール C3P-E1、都市間連携ガイドブック §3.2）。貴都市は関心表明レターを提出します。',
  'help.proposal.callClosed':
    '「{call}」は現在「{state}」のため、企画書を作成できません。企画書は公募中の公募にのみ提出できます。',
  'help.proposal.backToCall': '公募の詳細に戻る',
} as const satisfies Record<string, string>;

export const programmeHelpEn: Record<keyof typeof programmeHelpJa, string> = {
  'help.call.whoApplies': 'This call is applied for by the representative entity',
  'help.call.municipalityRole':
    'Proposals are submitted by the representative entity: a Japanese private company, research institute or university. Japanese municipalities do not apply themselves (rule C3P-E1, City-to-City Collaboration Guidebook §3.2). Your municipality forms the implementation structure with the representative entity and issues a letter of interest.',
  'help.call.partnerRole':
    'Proposals are submitted by the representative entity: a Japanese private company, research institute or university. Overseas partner cities do not apply themselves (rule C3P-E1, City-to-City Collaboration Guidebook §3.2). Your city issues a letter of interest.',
  'help.proposal.callClosed':
    'No proposal can be drafted for “{call}”: its status is “{state}”. Proposals can only be submitted to an open call.',
  'help.proposal.backToCall': 'Back to the call',
};
