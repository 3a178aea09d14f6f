import { z } from 'zod';

/**
 * The schema of a site adapter file (data/adapters/*.json). An analyst writes one per site: where to start,
 * how to read list pages and ad pages, and how politely to crawl. See docs/COLLECTION.md.
 */

/** Where a value is on a page: a CSS selector (text of the first match) or a selector with an attribute. */
const field = z.union([
  z.string().min(1),
  z
    .object({
      selector: z.string().min(1),
      /** Read this attribute instead of the text (`href`, `content`, `data-id`…). */
      attr: z.string().min(1).optional(),
    })
    .strict(),
]);

const dateField = z
  .object({
    selector: z.string().min(1),
    attr: z.string().min(1).optional(),
    /** `auto` understands ISO dates, French and English long dates, dd/mm/yyyy and relative dates. */
    format: z.enum(['auto', 'iso', 'dmy', 'long', 'relative']).default('auto'),
    locale: z.enum(['fr', 'en']).default('fr'),
    /** IANA time zone of dates written without one. */
    timezone: z.string().min(1).default('Europe/Paris'),
  })
  .strict();

const idRule = z
  .object({
    /** Path segment of the ad URL (negative counts from the end, -1 = last), extension removed. */
    urlSegment: z.number().int().optional(),
    /** Query parameter of the ad URL. */
    urlParam: z.string().min(1).optional(),
    /** Or read from the page. */
    selector: z.string().min(1).optional(),
    attr: z.string().min(1).optional(),
  })
  .strict()
  .refine((r) => [r.urlSegment, r.urlParam, r.selector].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of urlSegment, urlParam or selector',
  });

const pagination = z.discriminatedUnion('type', [
  z.object({ type: z.literal('next'), selector: z.string().min(1) }).strict(),
  z
    .object({
      type: z.literal('param'),
      param: z.string().min(1),
      start: z.number().int().default(1),
      step: z.number().int().positive().default(1),
    })
    .strict(),
]);

const ageGate = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('cookie'),
      name: z.string().min(1),
      value: z.string(),
    })
    .strict(),
  z
    .object({
      type: z.literal('form'),
      /** A selector present only on the gate page (how the crawler knows it hit the gate). */
      detect: z.string().min(1),
      /** The form to submit (its action, method and fields are read from the page). */
      form: z.string().min(1),
      /** Fields to set or override (e.g. a checkbox "majeur=oui"). */
      fields: z.record(z.string()).default({}),
    })
    .strict(),
]);

export const adapterSchema = z
  .object({
    $schema: z.string().optional(),
    /** The site's name: becomes the ads' `source`. */
    name: z
      .string()
      .min(2)
      .max(100)
      .regex(/^[a-z0-9][a-z0-9._-]*$/, 'use lower-case letters, digits, dots, dashes, underscores'),
    description: z.string().optional(),
    /** Base of relative start URLs; its host is always allowed. */
    baseUrl: z.string().url(),
    startUrls: z.array(z.string().min(1)).min(1),
    /** Extra hosts (host or host:port) requests may go to, e.g. an image host. Nothing else is ever fetched. */
    allowedHosts: z.array(z.string().min(1)).default([]),
    userAgent: z.string().min(3).default('VigieBot/0.1 (+https://github.com/vigie; veille)'),
    /** Honour robots.txt (default). Disabling it needs a recorded reason. */
    robots: z.boolean().default(true),
    robotsReason: z.string().min(10).optional(),
    rateLimit: z
      .object({ requestsPerMinute: z.number().positive().max(6000).default(30) })
      .strict()
      .default({}),
    concurrency: z.number().int().min(1).max(8).default(1),
    timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
    retries: z.number().int().min(0).max(10).default(3),
    maxPageBytes: z.number().int().min(1024).max(100_000_000).default(5_000_000),
    maxRedirects: z.number().int().min(0).max(20).default(5),
    render: z.enum(['http', 'chromium']).default('http'),
    /** How often the worker crawls this site. */
    schedule: z
      .object({ everyMinutes: z.number().int().min(1) })
      .strict()
      .optional(),
    ageGate: ageGate.optional(),
    list: z
      .object({
        itemSelector: z.string().min(1),
        /** The link to the ad within an item (default: the first `a[href]`). */
        link: field.default({ selector: 'a[href]', attr: 'href' }),
        pagination: pagination.optional(),
        maxPages: z.number().int().min(1).max(10_000).default(20),
      })
      .strict(),
    detail: z
      .object({
        id: idRule,
        title: field.optional(),
        body: field,
        city: field.optional(),
        phone: field.optional(),
        age: field.optional(),
        category: field.optional(),
        postedAt: dateField.optional(),
        images: z
          .object({
            selector: z.string().min(1),
            attr: z.string().min(1).default('src'),
            max: z.number().int().min(0).max(50).default(10),
          })
          .strict()
          .optional(),
        /** A selector present when the site shows "ad removed" with status 200. */
        gone: z.string().min(1).optional(),
      })
      .strict(),
    images: z
      .object({
        download: z.boolean().default(true),
        /** Keep image originals (compressed) in page captures; off by default, only hashes and thumbnails. */
        keepOriginals: z.boolean().default(false),
        maxBytes: z.number().int().min(1024).max(50_000_000).default(5_000_000),
      })
      .strict()
      .default({}),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (!a.robots && !a.robotsReason) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['robotsReason'],
        message: 'is required when robots is false: record why robots.txt is not honoured',
      });
    }
  });

/** A validated adapter (defaults applied). */
export type Adapter = z.output<typeof adapterSchema>;
export type AdapterInput = z.input<typeof adapterSchema>;
export type FieldSpec = z.output<typeof field>;
export type DateSpec = z.output<typeof dateField>;
