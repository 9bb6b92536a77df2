/**
 * The desk's end of the directory channel (src-shared/server-api.ts, DIRECTORY_CHANNEL): a
 * Hocuspocus provider on the desk's one socket, for an empty document that never changes and
 * has no presence, through which the server's notices arrive as stateless messages.
 *
 * Attached for as long as the desk is logged in and syncing in the background, it is also what
 * keeps the socket (and its heartbeat, desk-socket.ts) up when no article is open: the desk
 * hears of a new article at once, and sees a server that went away within seconds.
 */
import { HocuspocusProvider, type HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { DIRECTORY_CHANNEL, parseNotice, type DeskNotice } from '../../../src-shared/server-api';

export interface ChannelEvents {
  /** A notice from the server. */
  readonly notice: (notice: DeskNotice) => void;
  /** The server took the token (the channel is authenticated, after each connection). */
  readonly authenticated: () => void;
  /** The server refused the token (`unauthorized`) or the channel. */
  readonly refused: (reason: string) => void;
}

export class DirectoryChannel {
  private readonly provider: HocuspocusProvider;
  private readonly doc = new Y.Doc();

  constructor(socket: HocuspocusProviderWebsocket, token: string, events: ChannelEvents) {
    this.provider = new HocuspocusProvider({ websocketProvider: socket, name: DIRECTORY_CHANNEL, document: this.doc, token, awareness: null });
    this.provider.on('stateless', ({ payload }: { payload: string }) => {
      const notice = parseNotice(payload);
      if (notice) events.notice(notice);
    });
    this.provider.on('authenticated', () => events.authenticated());
    this.provider.on('authenticationFailed', ({ reason }: { reason: string }) => events.refused(reason));
    this.provider.attach();
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}
