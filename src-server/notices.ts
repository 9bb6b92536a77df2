/**
 * Telling desks at once (src-shared/server-api.ts, `DeskNotice`): every desk keeps the
 * directory channel attached on its one Hocuspocus socket, and the server sends each of those
 * connections a stateless message when an article its user may read gets a new version (or is
 * assigned to them), or a photo is stored for such an article. Who may read is decided per
 * connection by the same rule as the directory (access.ts), so nobody learns of an article
 * they may not have.
 *
 * Why stateless messages on a channel document rather than one document per user: the
 * channel is one empty document whatever the number of users, nothing about it is stored, and
 * Hocuspocus already authenticates it (the token), ties each connection to its user
 * (`context`) and drops it with the socket. Stateless messages are Hocuspocus 3's way to send
 * a connection something that is not document content.
 *
 * An article typed into live sends a new version with every few keys: its notices are sent at
 * once and then at most once per `intervalMs` (the latest version then), so desks that do not
 * hold the article open are not asked to sync it with every key.
 *
 * With several server instances sharing a Redis (README, "Scale-out"; scale/cluster.ts), each
 * notice is also handed to the other instances, which tell the desks connected to them.
 */
import type { Hocuspocus } from '@hocuspocus/server';
import { ArticleId } from '../src-shared/models';
import { DIRECTORY_CHANNEL, type DeskNotice } from '../src-shared/server-api';
import type { Access } from './access';
import type { Cluster } from './scale/cluster';
import type { Storage } from './storage';
import type { SyncContext } from './sync';

export class Notices {
  /** Per article told recently: whether it changed again since, here (`local`) or on another instance. */
  private readonly waiting = new Map<string, { timer: NodeJS.Timeout; again: false | 'local' | 'remote' }>();
  private hocuspocus: Hocuspocus | null = null;
  private cluster: Cluster | null = null;
  private closed = false;

  constructor(
    private readonly storage: Storage,
    private readonly access: Access,
    private readonly log: (line: string) => void,
    private readonly intervalMs = 1_000,
  ) {}

  /** The Hocuspocus instance whose channel connections are told (set once it exists). */
  attach(hocuspocus: Hocuspocus): void {
    this.hocuspocus = hocuspocus;
  }

  /** Instances sharing a Redis: what is told here is handed to the others, and theirs told here. */
  attachCluster(cluster: Cluster): void {
    this.cluster = cluster;
    cluster.onEvent((event) => {
      if (event.kind === 'article' && ArticleId.safeParse(event.id).success) this.article(event.id, 'remote');
      else if (event.kind === 'photo') this.photo(event.article, event.photo, 'remote');
      else if (event.kind === 'dictionary') this.dictionary('remote');
    });
  }

  /** Article `id` was stored at a new version, or its assignees changed (here, or on another instance). */
  article(id: string, where: 'local' | 'remote' = 'local'): void {
    if (this.closed) return;
    const waiting = this.waiting.get(id);
    if (waiting) {
      if (waiting.again !== 'local') waiting.again = where;
      return;
    }
    const entry = { timer: setTimeout(() => this.settle(id), this.intervalMs), again: false as const };
    this.waiting.set(id, entry);
    if (where === 'local') this.cluster?.publish({ kind: 'article', id });
    // After the current message is applied (and sent to the article's other connections).
    setImmediate(() => void this.sendArticle(id));
  }

  /** A photo was stored for article `article` (here, or on another instance). */
  photo(article: string, photo: string, where: 'local' | 'remote' = 'local'): void {
    if (this.closed || !ArticleId.safeParse(article).success) return;
    if (where === 'local') this.cluster?.publish({ kind: 'photo', article, photo });
    void this.send(article, { kind: 'photo', article, photo });
  }

  /** The newsroom dictionary changed (here, or on another instance): every desk connected here is told (it is everyone's). */
  dictionary(where: 'local' | 'remote' = 'local'): void {
    if (where === 'local') this.cluster?.publish({ kind: 'dictionary' });
    const channel = this.hocuspocus?.documents.get(DIRECTORY_CHANNEL);
    if (!channel || this.closed) return;
    const payload = JSON.stringify({ kind: 'dictionary' } satisfies DeskNotice);
    for (const connection of channel.getConnections()) if ((connection.context as SyncContext | undefined)?.user) connection.sendStateless(payload);
  }

  close(): void {
    this.closed = true;
    for (const { timer } of this.waiting.values()) clearTimeout(timer);
    this.waiting.clear();
  }

  private settle(id: string): void {
    const entry = this.waiting.get(id);
    this.waiting.delete(id);
    if (entry?.again) this.article(id, entry.again);
  }

  private async sendArticle(id: string): Promise<void> {
    const row = await this.storage.article(id).catch(() => null);
    if (!row) return;
    await this.send(id, { kind: 'article', id, version: row.version, updatedAt: row.updatedAt });
  }

  private async send(id: string, notice: DeskNotice): Promise<void> {
    const channel = this.hocuspocus?.documents.get(DIRECTORY_CHANNEL);
    if (!channel || this.closed) return;
    const payload = JSON.stringify(notice);
    for (const connection of channel.getConnections()) {
      const user = (connection.context as SyncContext | undefined)?.user;
      if (!user) continue;
      try {
        if (await this.access.mayOpenArticle(user, id)) connection.sendStateless(payload);
      } catch (err) {
        this.log(`could not tell ${user.name} about ${id}: ${(err as Error).message}`);
      }
    }
  }
}
