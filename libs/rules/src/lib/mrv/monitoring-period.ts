import { addDays, addYears, compareDates, type IsoDate } from '../shared/iso-date';

// jcm-grants.md §8 R-POST-05 / 公募要領 2.(1)②: 稼働から法定耐用年数満了まで（二国間文書の有効期間内）＋補助事業者の責による未測定期間を加算.
/** Monitoring period (モニタリング期間): operation start → end of useful life (+ grantee-fault gap days), clipped to the bilateral document. */
export function monitoringPeriod(input: {
  operationStart: IsoDate;
  usefulLifeYears: number;
  granteeFaultGapDays?: number;
  bilateralDocumentValidUntil?: IsoDate;
}): { start: IsoDate; usefulLifeEnd: IsoDate; end: IsoDate; clippedByBilateralDocument: boolean } {
  const usefulLifeEnd = addDays(addYears(input.operationStart, input.usefulLifeYears), -1);
  let end = addDays(usefulLifeEnd, input.granteeFaultGapDays ?? 0);
  let clipped = false;
  if (input.bilateralDocumentValidUntil && compareDates(end, input.bilateralDocumentValidUntil) > 0) {
    end = input.bilateralDocumentValidUntil;
    clipped = true;
  }
  return { start: input.operationStart, usefulLifeEnd, end, clippedByBilateralDocument: clipped };
}
