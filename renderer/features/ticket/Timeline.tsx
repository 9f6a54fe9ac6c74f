/** The ticket's timeline: internal notes, customer replies and system events, each visibly different. */
import { Badge, Caption1, Card, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { type Requester, type TimelineEntry, dateTimeText } from '../../../shared/domain';
import { plainColumnList } from '../../ui/list-styles';

const useStyles = makeStyles({
  list: {
    ...plainColumnList,
    gap: tokens.spacingVerticalS,
  },
  note: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  reply: { backgroundColor: tokens.colorNeutralBackground1 },
  inbound: { backgroundColor: tokens.colorPaletteBlueBackground2 },
  event: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, color: tokens.colorNeutralForeground3 },
  // On a narrow pane the line wraps rather than squeezing a badge's words onto two lines of its fixed height.
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  tag: { flexShrink: 0 },
  body: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  // The outline badges' own text colour is white or too faint on the note's yellow: this one reads on every card.
  pending: { flexShrink: 0, color: tokens.colorNeutralForeground2 },
});

/** "Giulia Rossi <giulia@reseller.example>": whom a reply goes to. */
export const addressOf = (requester: Requester): string => `${requester.name} <${requester.email}>`;

function Entry({ entry, pending, recipient }: { entry: TimelineEntry; pending: boolean; recipient: Requester }) {
  const styles = useStyles();
  if (entry.kind === 'system_event') {
    return (
      <li className={styles.event} data-kind={entry.kind}>
        <Caption1>
          {dateTimeText(entry.at)} · {entry.text}
          {entry.actor === null || entry.text.includes(entry.actor.name) ? '' : ` — ${entry.actor.name}`}
        </Caption1>
      </li>
    );
  }
  const note = entry.kind === 'internal_note';
  const inbound = entry.kind === 'customer_reply' && entry.direction === 'inbound';
  const outbound = !note && !inbound;
  return (
    <li
      data-kind={entry.kind}
      aria-label={note ? 'Internal note' : inbound ? 'Message from the customer' : 'Reply to the customer'}
    >
      <Card className={mergeClasses(note ? styles.note : inbound ? styles.inbound : styles.reply)} size="small">
        <div className={styles.meta}>
          <Badge className={styles.tag} appearance="tint" color={note ? 'warning' : inbound ? 'informative' : 'brand'}>
            {note ? 'Internal note' : inbound ? 'From the customer' : 'Reply to the customer'}
          </Badge>
          <Text weight="semibold">{entry.author.name}</Text>
          <Caption1>{dateTimeText(entry.at)}</Caption1>
          {pending ? (
            <Badge appearance="outline" color="informative" className={styles.pending}>
              Not sent yet
            </Badge>
          ) : (
            outbound && <Caption1>Sent</Caption1>
          )}
        </div>
        {outbound && <Caption1>To {addressOf(recipient)}</Caption1>}
        <Text className={styles.body}>{entry.body}</Text>
      </Card>
    </li>
  );
}

export function Timeline({
  entries,
  pendingIds,
  recipient,
}: {
  entries: readonly TimelineEntry[];
  pendingIds: ReadonlySet<string>;
  /** Whom the ticket's replies go to: its requester. */
  recipient: Requester;
}) {
  const styles = useStyles();
  return (
    <ol className={styles.list} aria-label="Timeline">
      {entries.map((entry) => (
        <Entry key={entry.id} entry={entry} pending={pendingIds.has(entry.id)} recipient={recipient} />
      ))}
    </ol>
  );
}
