/** Tables owned by the links stage (filled in by its migration). */
export type LinksTables = Record<never, never>;
