/** The sign-in token, kept by main encrypted with safeStorage (the OS keychain); the renderer never holds it at rest. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { SafeStorage } from 'electron';
import { SessionToken } from '../../shared/bridge';
import { parseAtBridge } from '../../shared/bridge-host';

export interface TokenStore {
  read(): SessionToken | null;
  store(token: SessionToken): void;
  clear(): void;
}

/** Where the encrypted bytes live: a file in the user-data folder. */
export interface TokenFile {
  /** null when there is no file. */
  read(): Buffer | null;
  write(bytes: Buffer): void;
  remove(): void;
}

export interface TokenStoreDependencies {
  safeStorage: Pick<
    SafeStorage,
    'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
  >;
  file: TokenFile;
  platform: NodeJS.Platform;
  log: (message: string) => void;
}

/**
 * Without a real keychain (before app ready, or Linux on `basic_text`, where safeStorage only
 * obfuscates with a fixed key) the token is kept in memory for this run only: the person signs in
 * again at the next start rather than leaving a readable token on disk.
 */
export function createTokenStore({ safeStorage, file, platform, log }: TokenStoreDependencies): TokenStore {
  let inMemory: SessionToken | null = null;
  const secure = () =>
    safeStorage.isEncryptionAvailable() &&
    (platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');

  return {
    read() {
      if (inMemory !== null) return inMemory;
      if (!secure()) return null;
      try {
        const bytes = file.read();
        if (bytes === null) return null;
        const parsed = parseAtBridge(SessionToken, safeStorage.decryptString(bytes), 'stored token');
        if (parsed.ok) return (inMemory = parsed.value);
        log(`${parsed.error}; signing in again`);
      } catch (error) {
        log(`the stored token could not be read (${String(error)}); signing in again`);
      }
      file.remove();
      return null;
    },
    store(token) {
      if (secure()) file.write(safeStorage.encryptString(token));
      else log('no OS keychain to encrypt the sign-in token with: it is kept until the console closes');
      inMemory = token;
    },
    clear() {
      inMemory = null;
      file.remove();
    },
  };
}

/** The token file at `filePath`, readable by its owner only. */
export function tokenFileAt(filePath: string): TokenFile {
  return {
    read() {
      try {
        return readFileSync(filePath);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    write: (bytes) => writeFileSync(filePath, bytes, { mode: 0o600 }),
    remove: () => rmSync(filePath, { force: true }),
  };
}
