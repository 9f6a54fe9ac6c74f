/**
 * The IT department's machine-wide policy: a JSON file (ItPolicy) only administrators can write, read
 * once at start. It fixes the server every console signs in to, and the update feed or turns
 * self-updates off. A file that is missing means no policy; one that cannot be read or is not valid
 * is logged with the reason and ignored, so a broken file never stops the console from starting.
 */
import path from 'node:path';
import { ItPolicy } from '../../shared/bridge';
import { parseAtBridge } from '../../shared/bridge-host';

/** Where the policy file lives on each platform (`programData`: %ProgramData% on Windows). */
export function policyFile(platform: NodeJS.Platform, programData: string | undefined): string {
  if (platform === 'win32')
    return path.win32.join(programData ?? 'C:\\ProgramData', 'CSS Engineer Console', 'policy.json');
  if (platform === 'darwin') return '/Library/Application Support/CSS Engineer Console/policy.json';
  return '/etc/css-engineer-console/policy.json';
}

export function readPolicy(file: string, readFile: (file: string) => string, log: (message: string) => void): ItPolicy {
  let text: string;
  try {
    text = readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      log(`the IT policy ${file} cannot be read (${String(error)}); it is ignored`);
    return {};
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    log(`the IT policy ${file} is not valid JSON (${String(error)}); it is ignored`);
    return {};
  }
  const parsed = parseAtBridge(ItPolicy, value, 'policy');
  if (parsed.ok) return parsed.value;
  log(`the IT policy ${file} is not valid (${parsed.error}); it is ignored`);
  return {};
}
