/** Serves the built renderer on the app scheme (registered as privileged in `security.ts`). */
import { protocol } from 'electron';
import { appResponse } from './app-response';
import { APP_SCHEME } from './app-url';

/** Once the app is ready. */
export function setupProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(rendererDir, request.url, request.method));
}
