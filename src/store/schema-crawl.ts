/** Tables owned by the crawl stage (filled in by its migration). */
export type CrawlTables = Record<never, never>;
