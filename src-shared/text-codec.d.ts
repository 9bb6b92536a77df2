/**
 * UTF-8 encoding, which every place src-shared runs (Node, Chromium, Electron) provides as the
 * WHATWG TextEncoder/TextDecoder; declared here because this layer compiles with no DOM or Node types.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
