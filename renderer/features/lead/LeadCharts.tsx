/** The lead's charts: escalations by age and by severity, Microsoft's response lag, load per engineer; a bar click filters the list. */
import { Caption1, Subtitle2, makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import { useMemo, type ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EscalationRow } from '../../../shared/api/lead';
import type { Escalation } from '../../../shared/domain';
import { severityMarkColor } from '../../ui/TicketBadges';
import { ageBuckets, loadPerEngineer, severityCounts, type Bucket } from './chart-data';
import { countOf, formatAge } from './columns';
import { lagSummary } from './response-lag';
import { filterRows } from './row-filter';
import { leadActions, useLeadStore } from '../../data/stores/lead-store';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
  },
  card: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  note: { color: tokens.colorNeutralForeground3 },
  // Recharts draws bars as SVG paths: the pointer says they can be clicked.
  clickable: { '& .recharts-bar-rectangle': { cursor: 'pointer' } },
});

/** A bar left out by the list's filter is drawn faint, so the chart shows what the list holds. */
const shade = (chosen: readonly string[], value: string) => (chosen.length === 0 || chosen.includes(value) ? 1 : 0.3);

const CHART_HEIGHT = 150;
/** Room per engineer in the load chart, so names never overlap however large the team. */
const ROW_HEIGHT = 28;
const AXIS = { fill: tokens.colorNeutralForeground2, fontSize: 12 };
const TOOLTIP = {
  contentStyle: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground1,
  },
  // Recharts colours an item like its bar, too pale to read on the tooltip's background.
  itemStyle: { color: tokens.colorNeutralForeground1 },
  cursor: { fill: tokens.colorNeutralBackground1Hover },
};
/** A lone bar (one engineer, one bucket) stays a bar, not a block. */
const MAX_BAR_SIZE = 28;
const MARGIN = { top: 4, right: 12, bottom: 0, left: 0 };

/** "< 1 day: 2, 1–3 days: 5": what a screen reader reads for the chart. */
const describe = (buckets: readonly Bucket[]) => buckets.map(({ label, count }) => `${label}: ${count}`).join(', ');

interface ChartCardProps {
  title: string;
  height?: number;
  /** The data in words, read by screen readers in place of the bars. */
  description: string;
  note?: string;
  /** Its bars filter the list when clicked. */
  clickable?: boolean;
  children: (title: string, description: string) => ReactElement;
}

function ChartCard({ title, height = CHART_HEIGHT, description, note, clickable = false, children }: ChartCardProps) {
  const styles = useStyles();
  const titleId = useId('chart-title');
  return (
    <figure className={mergeClasses(styles.card, clickable && styles.clickable)} aria-labelledby={titleId}>
      <Subtitle2 as="h3" id={titleId}>
        {title}
      </Subtitle2>
      <ResponsiveContainer width="100%" height={height}>
        {children(title, description)}
      </ResponsiveContainer>
      {note !== undefined && <Caption1 className={styles.note}>{note}</Caption1>}
    </figure>
  );
}

/** Buckets as horizontal bars: their labels ("1–2 weeks") read along the axis instead of colliding under narrow columns. */
interface BucketChartProps {
  title: string;
  /** What a bar counts, named in its tooltip. */
  counted: string;
  buckets: Bucket[];
  fill: string;
  note?: string;
}

function BucketChart({ title, counted, buckets, fill, note }: BucketChartProps) {
  return (
    <ChartCard title={title} description={describe(buckets)} note={note}>
      {(label, desc) => (
        <BarChart data={buckets} layout="vertical" title={label} desc={desc} role="img" margin={MARGIN}>
          <CartesianGrid horizontal={false} stroke={tokens.colorNeutralStroke2} />
          <XAxis type="number" allowDecimals={false} tick={AXIS} />
          <YAxis type="category" dataKey="label" width={72} tick={AXIS} />
          <Tooltip {...TOOLTIP} />
          <Bar dataKey="count" name={counted} fill={fill} radius={[0, 3, 3, 0]} maxBarSize={MAX_BAR_SIZE} />
        </BarChart>
      )}
    </ChartCard>
  );
}

/**
 * The charts of the escalations the filters let through, each clickable chart over every value of its own
 * dimension (the severities bar chart ignores the severity filter, and so on), so a bar filtered out
 * is still there, faint, to click back in.
 */
export function LeadCharts({
  rows,
  escalations,
}: {
  /** Every row, before the filters. */
  rows: readonly EscalationRow[];
  escalations: ReadonlyMap<string, Escalation>;
}) {
  const styles = useStyles();
  const filters = useLeadStore((s) => s.layout.filters);
  const shown = useMemo(() => filterRows(rows, filters), [rows, filters]);
  const ages = useMemo(() => ageBuckets(shown), [shown]);
  const severities = useMemo(() => severityCounts(filterRows(rows, { ...filters, severities: [] })), [rows, filters]);
  const loads = useMemo(() => loadPerEngineer(filterRows(rows, { ...filters, engineers: [] })), [rows, filters]);
  const lag = useMemo(
    () => lagSummary(shown.flatMap((row) => escalations.get(row.ticketId) ?? [])),
    [shown, escalations],
  );
  const measured =
    lag.medianHours === null
      ? 'No response from Microsoft logged yet'
      : `Median ${formatAge(Math.round(lag.medianHours))} over ${countOf(lag.responses, 'response')}`;
  const lagNote = `${measured} · ${lag.waiting} waiting on Microsoft now. From our first unanswered contact to Microsoft's reply.`;

  return (
    <section className={styles.grid} aria-label="Escalation charts">
      <BucketChart title="Escalations by age" counted="Escalations" buckets={ages} fill={tokens.colorBrandBackground} />
      <ChartCard title="Escalations by severity" description={describe(severities)} clickable>
        {(label, desc) => (
          <BarChart data={severities} title={label} desc={desc} role="img" margin={{ ...MARGIN, left: -24 }}>
            <CartesianGrid vertical={false} stroke={tokens.colorNeutralStroke2} />
            <XAxis dataKey="label" tick={AXIS} />
            <YAxis allowDecimals={false} tick={AXIS} />
            <Tooltip {...TOOLTIP} />
            <Bar
              dataKey="count"
              name="Escalations"
              radius={[3, 3, 0, 0]}
              onClick={(_, index) => {
                const bar = severities[index];
                if (bar !== undefined) leadActions.toggleFilter('severities', bar.severity);
              }}
            >
              {severities.map(({ severity }) => (
                <Cell
                  key={severity}
                  fill={severityMarkColor(severity)}
                  fillOpacity={shade(filters.severities, severity)}
                />
              ))}
            </Bar>
          </BarChart>
        )}
      </ChartCard>
      <BucketChart
        title="Microsoft response lag"
        counted="Responses"
        buckets={lag.buckets}
        fill={tokens.colorPaletteTealBackground2}
        note={lagNote}
      />
      <ChartCard
        title="Open escalations per engineer"
        height={Math.max(CHART_HEIGHT, loads.length * ROW_HEIGHT + 56)}
        description={loads.map((load) => `${load.name}: ${load.onTime} on time, ${load.overdue} overdue`).join('; ')}
        clickable
      >
        {(label, desc) => (
          <BarChart data={loads} layout="vertical" title={label} desc={desc} role="img" margin={MARGIN}>
            <CartesianGrid horizontal={false} stroke={tokens.colorNeutralStroke2} />
            <XAxis type="number" allowDecimals={false} tick={AXIS} />
            <YAxis type="category" dataKey="name" width={110} tick={AXIS} />
            <Tooltip {...TOOLTIP} />
            {(
              [
                ['onTime', 'On time', tokens.colorBrandBackground],
                ['overdue', 'Overdue', tokens.colorStatusDangerBackground3],
              ] as const
            ).map(([key, name, fill]) => (
              <Bar
                key={key}
                dataKey={key}
                name={name}
                stackId="load"
                fill={fill}
                maxBarSize={MAX_BAR_SIZE}
                onClick={(_, index) => {
                  const load = loads[index];
                  if (load !== undefined) leadActions.toggleFilter('engineers', load.id);
                }}
              >
                {loads.map((load) => (
                  <Cell key={load.id} fillOpacity={shade(filters.engineers, load.id)} />
                ))}
              </Bar>
            ))}
            <Legend iconSize={10} wrapperStyle={{ fontSize: 12, color: tokens.colorNeutralForeground2 }} />
          </BarChart>
        )}
      </ChartCard>
    </section>
  );
}
