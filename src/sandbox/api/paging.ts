import type EnumeratedPagingModel from "@rc-ex/core/definitions/EnumeratedPagingModel";
import type PageNavigationModel from "@rc-ex/core/definitions/PageNavigationModel";
import { invalidParameter } from "../http/reply";
import type { ApiRequest } from "./context";
import type { Parsed } from "./request-parsing";

export interface Page<T> {
  uri: string;
  records: T[];
  paging: EnumeratedPagingModel;
  navigation: PageNavigationModel;
}

const maxPerPage = 1000;

/**
 * One page of a list with the platform's `paging` and absolute `navigation` URIs (same query, another `page`).
 * `perPage` above 1000 is cut to 1000, as the paging model's maximum says.
 */
export function pageOf<T, R>(
  request: ApiRequest,
  path: string,
  items: readonly T[],
  render: (item: T) => R,
  defaultPerPage = 100,
): Parsed<Page<R>> {
  const page = positiveInt(request.query.get("page"), 1);
  const perPageRaw = positiveInt(request.query.get("perPage"), defaultPerPage);
  if (page === undefined) return { ok: false, reply: invalidParameter("page", "Parameter [page] must be a positive integer") };
  if (perPageRaw === undefined)
    return { ok: false, reply: invalidParameter("perPage", "Parameter [perPage] must be a positive integer") };
  const perPage = Math.min(perPageRaw, maxPerPage);
  const totalElements = items.length;
  const totalPages = Math.max(1, Math.ceil(totalElements / perPage));
  const start = (page - 1) * perPage;
  const records = items.slice(start, start + perPage).map(render);
  const paging: EnumeratedPagingModel = { page, perPage, totalPages, totalElements };
  if (records.length > 0) {
    paging.pageStart = start;
    paging.pageEnd = start + records.length - 1;
  }
  const uriFor = (n: number): { uri: string } => {
    const query = new URLSearchParams(request.query);
    query.set("page", String(n));
    query.set("perPage", String(perPage));
    return { uri: `${request.baseUrl}${path}?${query.toString()}` };
  };
  const navigation: PageNavigationModel = { firstPage: uriFor(1), lastPage: uriFor(totalPages) };
  if (page < totalPages) navigation.nextPage = uriFor(page + 1);
  if (page > 1) navigation.previousPage = uriFor(Math.min(page - 1, totalPages));
  return { ok: true, value: { uri: uriFor(page).uri, records, paging, navigation } };
}

function positiveInt(raw: string | null, fallback: number): number | undefined {
  if (raw === null || raw === "") return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
