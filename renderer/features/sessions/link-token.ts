/** The secret of a customer's scheduling link, chosen by the console so a proposal can be written offline. */

/** 32 URL-safe characters from 24 random bytes (192 bits), as LinkTokenArg expects. */
export function newLinkToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_');
}
