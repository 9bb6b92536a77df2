/**
 * The upload outbox: where packages go (an HTTP endpoint the newsroom's CMS or broadcast desk
 * gives), and the jobs that carry them there. Each job keeps its idempotency key across retries
 * and restarts, so a server that honours the key never receives a package twice.
 */
import { z } from 'zod';
import { ArticleId } from './models';

export const UploadAuthKind = z.enum(['none', 'basic', 'bearer']);
export type UploadAuthKind = z.infer<typeof UploadAuthKind>;

/** The endpoint as the interface shows it: never its secret. */
export const UploadConfig = z.object({
  url: z.string().max(2000),
  /** The multipart field that carries the ZIP. */
  fileField: z.string().min(1).max(100),
  /** More form fields the endpoint expects (desk name, section…), sent as text before the file. */
  fields: z.record(z.string().min(1).max(100), z.string().max(2000)),
  auth: UploadAuthKind,
  username: z.string().max(200),
  /** Whether a password or token is stored. */
  hasSecret: z.boolean(),
});
export type UploadConfig = z.infer<typeof UploadConfig>;

/** What the user sets; `secret` (password or token) is kept when omitted. */
export const UploadConfigInput = z
  .object({
    url: z
      .string()
      .max(2000)
      .regex(/^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i, 'http(s) URL'),
    fileField: z.string().min(1).max(100).default('file'),
    fields: z.record(z.string().min(1).max(100), z.string().max(2000)).default({}),
    auth: UploadAuthKind.default('none'),
    username: z.string().max(200).default(''),
    secret: z.string().max(4000).optional(),
  })
  .strict();
export type UploadConfigInput = z.input<typeof UploadConfigInput>;

export const JOB_STATES = ['queued', 'sending', 'sent', 'failed'] as const;
export const JobState = z.enum(JOB_STATES);
export type JobState = z.infer<typeof JobState>;

export const OutboxJob = z.object({
  id: z.string().uuid(),
  articleId: ArticleId,
  headline: z.string(),
  /** The package's file name in the outbox folder. */
  file: z.string(),
  size: z.number().int().nonnegative(),
  idempotencyKey: z.string().uuid(),
  state: JobState,
  attempts: z.number().int().nonnegative(),
  /** Why the last attempt did not succeed (an error code, translated by the interface), and the HTTP status when there was one. */
  lastError: z.object({ code: z.string(), status: z.number().int().optional() }).nullable(),
  createdAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
});
export type OutboxJob = z.infer<typeof OutboxJob>;

/**
 * What trying the upload address found (`outbox:test`), without sending a package: it answers
 * and takes the login; it cannot be reached; it refuses the login; nothing is there; it is busy
 * or broken; or it answered something else no upload address should (`status` when it answered).
 */
export const UPLOAD_PROBE_RESULTS = ['reachable', 'unreachable', 'unauthorized', 'notFound', 'busy'] as const;
export const UploadProbe = z.object({ result: z.enum(UPLOAD_PROBE_RESULTS), status: z.number().int().optional() });
export type UploadProbe = z.infer<typeof UploadProbe>;
