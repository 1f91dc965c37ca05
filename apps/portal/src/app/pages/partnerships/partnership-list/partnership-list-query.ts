import { ParamMap } from '@angular/router';

import { PartnershipListQuery, PartnershipSort } from '../../../services/partnerships-api.service';

export const PAGE_SIZE = 20;

export const PARTNERSHIP_SORTS: readonly PartnershipSort[] = [
  '-createdAt',
  'createdAt',
  'titleJa',
  'titleEn',
];

/** The list state lives in the URL (`?q=&sort=&page=`), so searches are linkable and Back works. */
export interface PartnershipListUrlState {
  page: number;
  q: string;
  sort: PartnershipSort;
}

export function readListUrlState(params: ParamMap): PartnershipListUrlState {
  const sort = PARTNERSHIP_SORTS.find((candidate) => candidate === params.get('sort')) ?? '-createdAt';
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return { page: Number.isFinite(page) && page > 0 ? page : 1, q: (params.get('q') ?? '').trim(), sort };
}

export function toApiQuery({ page, q, sort }: PartnershipListUrlState): PartnershipListQuery {
  return { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, q, sort };
}
