// @vitest-environment jsdom
// A view that fails to draw says so in its place, in words; the ticket pane draws the next ticket opened afresh.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ViewBoundary } from '../../../../renderer/app/ViewBoundary';

function Ticket({ number }: { number: string }) {
  if (number === 'T-1') throw new Error('Ticket T-1 has no stage');
  return <p>{`Ticket ${number}`}</p>;
}

const pane = (number: string) => (
  <ViewBoundary what="This ticket" showing={number}>
    <Ticket number={number} />
  </ViewBoundary>
);

describe('ViewBoundary', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('says in its place which view failed and why, and the next ticket opened is drawn', () => {
    // React reports the caught failure on the console: expected here.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { rerender } = render(pane('T-1'));
    expect(screen.getByText('This ticket could not be shown.')).toBeTruthy();
    expect(
      screen.getByText(
        /^Something went wrong while showing it\. Changes you have saved are kept\. Reload the console to try again\./,
      ),
    ).toBeTruthy();
    expect(screen.getByText('Details, for support: Ticket T-1 has no stage')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload the console' })).toBeTruthy();

    rerender(pane('T-2'));
    expect(screen.getByText('Ticket T-2')).toBeTruthy();
    expect(screen.queryByText('This ticket could not be shown.')).toBeNull();

    // Opened again, the failing ticket is said again, and the one after it drawn.
    rerender(pane('T-1'));
    expect(screen.getByText('This ticket could not be shown.')).toBeTruthy();
    rerender(pane('T-3'));
    expect(screen.getByText('Ticket T-3')).toBeTruthy();
  });
});
