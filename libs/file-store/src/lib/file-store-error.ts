import {
  BilingualText,
  DomainError,
  ErrorCode,
  FieldIssue,
  FILE_HTTP_STATUS,
  FileErrorBody,
  FileErrorCode,
} from '@jcm/contracts';

/** The platform code each file error travels as where only ErrorCode is understood (audit log, NATS). */
const PLATFORM_CODE: Record<FileErrorCode, ErrorCode> = {
  FILE_EMPTY: 'VALIDATION_FAILED',
  FILE_NAME_INVALID: 'VALIDATION_FAILED',
  FILE_TOO_LARGE: 'VALIDATION_FAILED',
  FILE_TYPE_NOT_ALLOWED: 'VALIDATION_FAILED',
  FILE_TYPE_MISMATCH: 'RULE_VIOLATION',
  STORED_FILE_CORRUPT: 'INTERNAL',
};

/**
 * A refused upload or a failed integrity check. A DomainError (so generic handlers treat it as a known outcome),
 * with its own code and HTTP status and the text in both languages for the file routes' error filter.
 */
export class FileStoreError extends DomainError {
  readonly httpStatus: number;

  constructor(
    readonly fileCode: FileErrorCode,
    readonly text: BilingualText,
    issues?: FieldIssue[],
  ) {
    super(PLATFORM_CODE[fileCode], text.en, issues);
    this.name = 'FileStoreError';
    this.httpStatus = FILE_HTTP_STATUS[fileCode];
  }

  toBody(): FileErrorBody {
    return {
      code: this.fileCode,
      message: this.text.en,
      message_ja: this.text.ja,
      message_en: this.text.en,
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }
}
