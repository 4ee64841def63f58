/** A table of UI words: key → [Dutch, English]. */
export type Dict = Record<string, readonly [nl: string, en: string]>;
