/**
 * The process-wide half of the security checklist: the app scheme registered as privileged
 * (before the app is ready), every renderer sandboxed, every page guarded as it is created,
 * and every permission refused.
 */
import { app, protocol, session, shell } from 'electron';
import { APP_SCHEME } from './app-url';
import { guardContents } from './contents-guard';
import { permissionAllowed } from './security-policy';

/** Before `app.whenReady()`. */
export function setupSecurity(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => {
    guardContents(contents, (url) => void shell.openExternal(url));
  });
}

/** Once the app is ready (sessions exist only then). */
export function setupPermissions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => callback(permissionAllowed(permission, details.requestingUrl)));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin));
}
