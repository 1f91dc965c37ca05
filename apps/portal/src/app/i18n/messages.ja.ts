import { uiMessagesJa } from '@jcm/portal-ui';

import { calculatorsJa } from './messages.calculators';
import { confirmationsJa } from './messages.confirmations';
import { creditsJa } from './messages.credits';
import { partnershipTimelineJa } from './messages.partnership-timeline';
import { programmeJa } from './messages.programme';
import { programmeHelpJa } from './messages.programme-help';
import { yearEndJa } from './messages.year-end';

/**
 * 日本語 (source language). Keys are flat and grouped by screen; `{name}` placeholders are filled by
 * TranslationService.t(). Every key here must exist in messages.en.ts (enforced by its type).
 */
export const ja = {
  'app.name': 'JCM・都市間連携プラットフォーム',
  'app.skipToContent': 'メインコンテンツへ移動',
  'app.retry': '再読み込み',

  'lang.switch': 'English',
  'lang.switchLabel': 'Switch the display language to English',

  'nav.label': 'メインメニュー',
  'nav.partnerships': '都市間連携',

  'header.signedInAs': 'ログイン中: {name}',
  'header.logout': 'ログアウト',

  'login.title': 'ログイン',
  'login.lead': '自治体・海外都市・企業・環境省の担当者向けのポータルです。',
  'login.email': 'メールアドレス',
  'login.password': 'パスワード',
  'login.submit': 'ログイン',
  'login.submitting': 'ログインしています…',
  'login.emailRequired': 'メールアドレスを入力してください。',
  'login.emailInvalid': 'メールアドレスの形式で入力してください（例: name@example.jp）。',
  'login.passwordRequired': 'パスワードを入力してください。',
  'login.invalidCredentials': 'メールアドレスまたはパスワードが違います。',
  'login.unavailable': 'サーバーに接続できませんでした。時間をおいて再度お試しください。',
  'login.sessionExpired': 'ログインの有効期限が切れました。もう一度ログインしてください。',
  'login.demoTitle': 'デモ用アカウント',
  'login.demoNote': 'パスワードはすべて {password} です。',

  'partnerships.title': '都市間連携プロジェクト',
  'partnerships.new': '新しい連携を登録',
  'partnerships.search': 'キーワード検索',
  'partnerships.searchHint': 'プロジェクト名・都市名で検索します。',
  'partnerships.searchSubmit': '検索',
  'partnerships.sort': '並び順',
  'partnerships.sort.-createdAt': '登録日（新しい順）',
  'partnerships.sort.createdAt': '登録日（古い順）',
  'partnerships.sort.titleJa': 'プロジェクト名（日本語）',
  'partnerships.sort.titleEn': 'プロジェクト名（英語）',
  'partnerships.count': '全 {total} 件中 {from}–{to} 件を表示',
  'partnerships.empty': '登録されている連携プロジェクトはありません。',
  'partnerships.emptySearch': '「{q}」に一致する連携プロジェクトはありません。',
  'partnerships.col.title': 'プロジェクト名',
  'partnerships.col.municipality': '日本の自治体',
  'partnerships.col.partnerCity': '海外の都市',
  'partnerships.col.targetFields': '対象分野',
  'partnerships.col.createdAt': '登録日',
  'partnerships.paging': 'ページ送り',
  'partnerships.previous': '前のページ',
  'partnerships.next': '次のページ',
  'partnerships.pageOf': '{page} / {pages} ページ',

  'partnership.detailTitle': '連携プロジェクトの詳細',
  'partnership.back': '一覧に戻る',
  'partnership.notFound': '見つかりません',
  'partnership.notFoundText': 'お探しの連携プロジェクトは存在しないか、閲覧する権限がありません。',
  'partnership.created': '連携プロジェクトを登録しました。',
  'partnership.titleJa': 'プロジェクト名（日本語）',
  'partnership.titleEn': 'プロジェクト名（英語）',
  'partnership.municipality': '日本の自治体',
  'partnership.partnerCity': '海外の都市',
  'partnership.targetFields': '対象分野',
  'partnership.targetFieldOther': 'その他の内容',
  'partnership.createdAt': '登録日時',

  'partnershipNew.title': '都市間連携の登録',
  'partnershipNew.lead': '日本の自治体と海外の都市の組み合わせを登録します。すべての項目が必須です。',
  'partnershipNew.selectPlaceholder': '選択してください',
  'partnershipNew.fixedMunicipality': 'ご所属の自治体として登録されます。',
  'partnershipNew.titleHint': '200文字以内',
  'partnershipNew.targetFieldsHint': '当てはまるものをすべて選んでください。',
  'partnershipNew.otherHint': '「その他」を選んだ場合は、その内容を記入してください（200文字以内）。',
  'partnershipNew.submit': '登録する',
  'partnershipNew.submitting': '登録しています…',
  'partnershipNew.cancel': 'キャンセル',
  'partnershipNew.errorSummary': '入力内容を確認してください',
  'partnershipNew.optionsFailed': '自治体・都市の一覧を読み込めませんでした。再読み込みしてください。',
  'partnershipNew.forbidden': 'この組み合わせを登録する権限がありません。',
  'partnershipNew.failed': '登録できませんでした。時間をおいて再度お試しください。',
  'partnershipNew.err.municipality': '日本の自治体を選んでください。',
  'partnershipNew.err.partnerCity': '海外の都市を選んでください。',
  'partnershipNew.err.titleJa': 'プロジェクト名（日本語）を入力してください。',
  'partnershipNew.err.titleEn': 'プロジェクト名（英語）を入力してください。',
  'partnershipNew.err.tooLong': '200文字以内で入力してください（現在 {length} 文字）。',
  'partnershipNew.err.targetFields': '対象分野を1つ以上選んでください。',
  'partnershipNew.err.targetFieldOther': '「その他」の内容を入力してください。',

  'targetField.energy': 'エネルギー',
  'targetField.renewable-energy': '再生可能エネルギー',
  'targetField.energy-efficiency': '省エネルギー',
  'targetField.waste': '廃棄物',
  'targetField.water': '水',
  'targetField.transport': '交通',
  'targetField.urban-planning': '都市計画',
  'targetField.agriculture': '農業',
  'targetField.forestry': '森林',
  'targetField.f-gas': 'フロン類',
  'targetField.other': 'その他',

  // Areas with their own files: 公開計算ツール, クレジット登録簿, 都市間連携事業の年度.
  ...calculatorsJa,
  ...confirmationsJa,
  ...creditsJa,
  ...partnershipTimelineJa,
  ...programmeJa,
  ...programmeHelpJa,
  ...yearEndJa,
  ...uiMessagesJa,
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof ja;
