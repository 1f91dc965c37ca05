/**
 * The library's own texts, Japanese first. The portal spreads them into its dictionaries so one translator serves
 * both; the built-in translator uses them alone (tests, or a page without the portal's dictionaries).
 */
export const uiMessagesJa = {
  'ui.loading': '読み込み中…',
  'ui.loadFailed': 'データを読み込めませんでした。時間をおいて再度お試しください。',
  'ui.notFound': '見つかりません',
  'ui.notFoundText': 'お探しの情報は存在しないか、閲覧する権限がありません。',
  'ui.rule': 'ルール',
  'ui.source': '根拠',
  'ui.problem.rules': '次のルールにより受け付けられませんでした（保存されていません）',
  'ui.problem.invalid': '入力内容に誤りがあります。',
  'ui.problem.forbidden': 'この操作を行う権限がありません。',
  'ui.problem.notFound': '対象が見つかりません。',
  'ui.problem.conflict': '現在の状態ではこの操作はできません。',
  'ui.problem.tooLarge': 'ファイルが大きすぎます。',
  'ui.problem.unreachable': 'サーバーに接続できませんでした。時間をおいて再度お試しください。',
  'ui.problem.failed': '処理できませんでした。時間をおいて再度お試しください。',
  'ui.confirm.cancel': 'やめる',
  'ui.confirm.irreversible': 'この操作は取り消せません。',
} as const satisfies Record<string, string>;

export type UiMessageKey = keyof typeof uiMessagesJa;

export const uiMessagesEn: Record<UiMessageKey, string> = {
  'ui.loading': 'Loading…',
  'ui.loadFailed': 'The data could not be loaded. Please try again in a moment.',
  'ui.notFound': 'Not found',
  'ui.notFoundText': 'This record does not exist or you do not have access to it.',
  'ui.rule': 'Rule',
  'ui.source': 'Source',
  'ui.problem.rules': 'Refused under the following rules (nothing was saved)',
  'ui.problem.invalid': 'Some entries are not valid.',
  'ui.problem.forbidden': 'You are not allowed to do this.',
  'ui.problem.notFound': 'The record was not found.',
  'ui.problem.conflict': 'This is not possible in the record’s current state.',
  'ui.problem.tooLarge': 'The file is too large.',
  'ui.problem.unreachable': 'Could not reach the server. Please try again later.',
  'ui.problem.failed': 'This could not be done. Please try again later.',
  'ui.confirm.cancel': 'Go back',
  'ui.confirm.irreversible': 'This cannot be undone.',
};
