/**
 * The team lead's escalations: every open Microsoft escalation of the team, computed from the local
 * copy (so it works offline), to sort, filter, group, save as views, export, reassign and chart.
 */
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Toaster,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { escalationRows } from '../../../shared/api/lead';
import { DEFAULT_CADENCE, type Escalation } from '../../../shared/domain';
import { useMinuteClock } from '../../ui/use-minute-clock';
import { leadActions, useLeadStore } from '../../data/stores/lead-store';
import { useTeamStore } from '../../data/stores/team-store';
import { workspaceActions } from '../../data/workspace';
import { loadPerEngineer } from './chart-data';
import { EscalationTable } from './EscalationTable';
import { LeadCharts } from './LeadCharts';
import { LeadFilters } from './LeadFilters';
import { LEAD_TOASTER } from './lead-notice';
import { LeadToolbar } from './LeadToolbar';
import { filterRows } from './row-filter';
import { groupRows } from './row-groups';
import { sortRows } from './row-sort';

const useStyles = makeStyles({
  view: { flexGrow: 1, display: 'flex', flexDirection: 'column', minHeight: 0 },
  scroller: { flexGrow: 1, overflow: 'auto', minHeight: 0, backgroundColor: tokens.colorNeutralBackground2 },
  table: { padding: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalL}` },
  empty: { padding: tokens.spacingHorizontalXL },
  chartsBar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0`,
  },
  hint: { color: tokens.colorNeutralForeground3 },
});

export function LeadView() {
  const styles = useStyles();
  const { tickets, loaded, error, layout, chartsShown } = useLeadStore(
    useShallow((s) => ({
      tickets: s.tickets,
      loaded: s.loaded,
      error: s.error,
      layout: s.layout,
      chartsShown: s.chartsShown,
    })),
  );
  const scroller = useRef<HTMLDivElement>(null);
  const cadence = useTeamStore((s) => s.team?.cadence ?? DEFAULT_CADENCE);
  // Ticks every minute, so the overdue and silent flags turn on as time passes with no change to the data.
  const now = useMinuteClock();

  useEffect(() => {
    const stop = workspaceActions.watchEscalations(
      (tickets) => leadActions.showTickets(tickets),
      (message) => leadActions.showError(message),
    );
    return () => {
      stop();
      leadActions.stopWatching();
    };
  }, []);

  const rows = useMemo(() => escalationRows(tickets, cadence, now), [tickets, cadence, now]);
  // Each engineer's whole load, whatever the filters: what the reassign menu weighs a choice by.
  const loads = useMemo(() => new Map(loadPerEngineer(rows).map((load) => [load.id, load])), [rows]);

  // Back from a ticket opened here, the list is where the lead left it.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!loaded || element === null) return;
    element.scrollTop = useLeadStore.getState().scrollTop;
    const keep = () => leadActions.keepScroll(element.scrollTop);
    element.addEventListener('scroll', keep, { passive: true });
    return () => element.removeEventListener('scroll', keep);
  }, [loaded]);
  const groups = useMemo(
    () => groupRows(sortRows(filterRows(rows, layout.filters), layout.sort), layout.groupBy),
    [rows, layout],
  );
  const shown = useMemo(() => groups.flatMap((group) => group.rows), [groups]);
  const escalations = useMemo(
    () =>
      new Map(
        tickets.flatMap((ticket): [string, Escalation][] =>
          ticket.escalation === null ? [] : [[ticket.id, ticket.escalation]],
        ),
      ),
    [tickets],
  );

  return (
    <section className={styles.view} aria-label="Escalations">
      <Toaster toasterId={LEAD_TOASTER} position="bottom-end" />
      <LeadFilters rows={rows} />
      <LeadToolbar shown={shown} total={rows.length} />
      {error !== null && (
        <MessageBar intent="error">
          <MessageBarBody>The escalations could not be read from the local copy: {error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.scroller} ref={scroller}>
        {!loaded ? (
          <Spinner label="Reading the team's escalations…" className={styles.empty} />
        ) : rows.length === 0 ? (
          <Text className={styles.empty} as="p">
            No open Microsoft escalations in the team. They appear here as soon as an engineer escalates a ticket.
          </Text>
        ) : (
          <>
            <div className={styles.chartsBar}>
              <Button
                appearance="subtle"
                icon={chartsShown ? <ChevronDownRegular /> : <ChevronRightRegular />}
                aria-expanded={chartsShown}
                onClick={() => leadActions.showCharts(!chartsShown)}
              >
                {chartsShown ? 'Hide charts' : 'Show charts'}
              </Button>
              {chartsShown && (
                <Caption1 className={styles.hint}>Click a severity or an engineer to filter the list.</Caption1>
              )}
            </div>
            {chartsShown && <LeadCharts rows={rows} escalations={escalations} />}
            <div className={styles.table}>
              <EscalationTable groups={groups} loads={loads} />
            </div>
          </>
        )}
      </div>
    </section>
  );
}
