import pino, { type Logger } from 'pino';
import type { Backend } from '../store/database.ts';
import { createLoginLimiter, type LoginLimiter } from './auth/login-limiter.ts';

/** Tunables of the server; every field has a safe default. */
export interface ServerConfig {
  /** A session ends after this long without a request. */
  idleTimeoutMs: number;
  /** A session ends this long after login whatever happens. */
  absoluteTimeoutMs: number;
  /** `auto`: Secure cookies when the request is https (or X-Forwarded-Proto=https behind a trusted proxy). */
  secureCookies: 'auto' | boolean;
  /** Trust X-Forwarded-For / X-Forwarded-Proto (only behind your own reverse proxy). */
  trustProxy: boolean;
  /** Login attempts allowed per client address per window, whatever the account. */
  loginPerIp: { max: number; windowMs: number };
  /** Consecutive failures that lock an account, and for how long. */
  lockout: { maxFailures: number; lockMs: number };
  /** The only URLs alerts may be POSTed to (exact match). */
  webhookUrls: string[];
  /** Folder where original images may be read from (refs resolved inside it only); none by default. */
  imageRoot: string | null;
  /** Folder of outreach message templates (`*.json`). */
  templatesDir: string;
  /** Built web app to serve (index.html + assets), when present. */
  webDist: string | null;
}

export const DEFAULT_CONFIG: ServerConfig = {
  idleTimeoutMs: 30 * 60_000,
  absoluteTimeoutMs: 12 * 3600_000,
  secureCookies: 'auto',
  trustProxy: false,
  loginPerIp: { max: 20, windowMs: 15 * 60_000 },
  lockout: { maxFailures: 5, lockMs: 15 * 60_000 },
  webhookUrls: [],
  imageRoot: null,
  templatesDir: 'data/outreach-templates',
  webDist: null,
};

/** Everything the app needs from outside: the store, configuration, a logger and a clock. */
export interface AppDeps {
  backend: Backend;
  config: ServerConfig;
  log: Logger;
  now: () => Date;
  loginLimiter: LoginLimiter;
}

/** What callers pass to createApp: only the backend is required. */
export interface AppOptions {
  backend: Backend;
  config?: Partial<ServerConfig>;
  log?: Logger;
  now?: () => Date;
}

export function resolveDeps(o: AppOptions): AppDeps {
  const config = { ...DEFAULT_CONFIG, ...o.config };
  const now = o.now ?? (() => new Date());
  return {
    backend: o.backend,
    config,
    log: o.log ?? pino({ level: process.env.VIGIE_LOG_LEVEL ?? 'info' }),
    now,
    loginLimiter: createLoginLimiter(config.loginPerIp, now),
  };
}
