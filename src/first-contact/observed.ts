/** What a first-contact probe observed: JSON, so that a report can be kept, read back and compared. */
export type Observed = string | number | boolean | null | Observed[] | { [key: string]: Observed };
