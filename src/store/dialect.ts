/** The SQL dialects the store runs on. */
export type DialectName = 'sqlite' | 'postgres';
