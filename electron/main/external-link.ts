/** Opens an https link in the person's browser only after showing them where it goes. */

export interface ExternalLinkDependencies {
  /** A message box with these buttons; resolves to the index of the one chosen. */
  ask: (message: string, detail: string, buttons: string[]) => Promise<number>;
  /** shell.openExternal. */
  open: (url: string) => Promise<void>;
}

/** `url` is an https link the guard let through (security.ts); the host is named first, as a look-alike path could mislead. */
export function createExternalLinkOpener({ ask, open }: ExternalLinkDependencies) {
  return async (url: string): Promise<void> => {
    const { host, href } = new URL(url);
    const choice = await ask(`Open ${host} in your browser?`, href, ['Open in browser', 'Cancel']);
    if (choice === 0) await open(href);
  };
}
