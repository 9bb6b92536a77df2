// Types of build/make-icon.mjs for the TypeScript test that checks the committed icon.
export declare function iconPng(): Buffer;
