// Saved views: a named layout is added, a view of the same name replaced in place, and the limit kept.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEAD_LAYOUT, type LeadLayout, type SavedLeadView } from '../../../../shared/bridge';
import { MAX_SAVED_VIEWS, deleteView, saveView } from '../../../../renderer/features/lead/saved-views';

const overdueA: LeadLayout = {
  ...DEFAULT_LEAD_LAYOUT,
  filters: { ...DEFAULT_LEAD_LAYOUT.filters, severities: ['critical'], overdueOnly: true },
  groupBy: 'engineer',
};
const view = (id: string, name: string, layout: LeadLayout = DEFAULT_LEAD_LAYOUT): SavedLeadView => ({
  ...layout,
  id,
  name,
});

describe('saveView', () => {
  it('adds a new view with the given id and a trimmed name', () => {
    const result = saveView([view('v1', 'All')], '  Overdue A ', overdueA, 'v2');
    expect(result).toEqual({
      ok: true,
      view: view('v2', 'Overdue A', overdueA),
      views: [view('v1', 'All'), view('v2', 'Overdue A', overdueA)],
    });
  });

  it('replaces a view of the same name, whatever its case, keeping its id and place', () => {
    const result = saveView([view('v1', 'Overdue A'), view('v2', 'All')], 'overdue a', overdueA, 'v3');
    expect(result).toMatchObject({ ok: true, views: [view('v1', 'overdue a', overdueA), view('v2', 'All')] });
  });

  it('refuses a blank name', () => {
    expect(saveView([], '   ', overdueA, 'v1')).toEqual({ ok: false, error: 'give the view a name' });
  });

  it('refuses a new view beyond the limit, but still replaces an existing one', () => {
    const full = Array.from({ length: MAX_SAVED_VIEWS }, (_, i) => view(`v${i}`, `View ${i}`));
    expect(saveView(full, 'One more', overdueA, 'new')).toEqual({
      ok: false,
      error: 'You have 50 saved views, the most kept; delete one first.',
    });
    expect(saveView(full, 'View 7', overdueA, 'new')).toMatchObject({ ok: true, view: { id: 'v7' } });
  });
});

describe('deleteView', () => {
  it('removes only the view with that id', () => {
    expect(deleteView([view('v1', 'A'), view('v2', 'B')], 'v1')).toEqual([view('v2', 'B')]);
  });
});
