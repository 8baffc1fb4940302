/** What a benchmark reports: figures, labels and nested groups of them, written out as JSON. */
export type Result = { [key: string]: number | string | boolean | null | Result | Result[] | number[] };
