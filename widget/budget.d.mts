export declare const BUDGET_GZIP_BYTES: number;
