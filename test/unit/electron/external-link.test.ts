import { describe, expect, it, vi } from 'vitest';
import { createExternalLinkOpener } from '../../../electron/main/external-link';

function opener(choice: number) {
  const ask = vi.fn((_message: string, _detail: string, _buttons: string[]) => Promise.resolve(choice));
  const open = vi.fn((_url: string) => Promise.resolve());
  return { openLink: createExternalLinkOpener({ ask, open }), ask, open };
}

describe('createExternalLinkOpener', () => {
  it('shows the host and the whole address before opening the link in the browser', async () => {
    const { openLink, ask, open } = opener(0);
    await openLink('https://learn.microsoft.com/partner-center/support?x=1');
    expect(ask).toHaveBeenCalledWith(
      'Open learn.microsoft.com in your browser?',
      'https://learn.microsoft.com/partner-center/support?x=1',
      ['Open in browser', 'Cancel'],
    );
    expect(open).toHaveBeenCalledWith('https://learn.microsoft.com/partner-center/support?x=1');
  });

  it('names the real host of a look-alike address, and opens nothing when the person cancels', async () => {
    const { openLink, ask, open } = opener(1);
    await openLink('https://portal.azure.com.evil.example/portal.azure.com');
    expect(ask.mock.calls[0]?.[0]).toBe('Open portal.azure.com.evil.example in your browser?');
    expect(open).not.toHaveBeenCalled();
  });
});
