/** Tables owned by the server stage (filled in by its migration). */
export type ServerTables = Record<never, never>;
