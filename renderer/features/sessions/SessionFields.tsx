/**
 * The fields the session dialogs share: a time (start in the engineer's zone, length) shown live in the
 * customer's zone with its warnings, the meeting link, and the reason to book over another session.
 */
import {
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  Option,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular, WarningFilled } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { MeetingLinkArg, type Booking } from '../../../shared/domain/remote-session';
import {
  SESSION_LENGTHS,
  WORKING_HOURS_TEXT,
  engineerZone,
  inYourZone,
  lengthLabel,
  type SlotCheck,
  type SlotDraft,
} from './session-time';

const useStyles = makeStyles({
  slot: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 130px auto',
    gap: tokens.spacingHorizontalS,
    alignItems: 'end',
  },
  length: { minWidth: 0 },
  warning: {
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    alignItems: 'flex-start',
    color: tokens.colorPaletteDarkOrangeForeground1,
  },
  icon: { flexShrink: 0, marginTop: '2px' },
});

/** A warning line under a time: visible, but it does not stop the engineer. */
export function SlotWarning({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return (
    <Caption1 className={styles.warning} role="note">
      <WarningFilled className={styles.icon} aria-hidden />
      <span>{children}</span>
    </Caption1>
  );
}

/** How one time falls for the customer, and what it runs into: their night, another of the engineer's sessions. */
export function SlotNotes({
  check,
  overlaps,
  customerZone,
}: {
  check: Pick<SlotCheck, 'customerTime' | 'outsideWorkingHours'>;
  overlaps: readonly Booking[];
  customerZone: string;
}) {
  return (
    <>
      {check.customerTime !== null && <Caption1>For the customer: {check.customerTime}</Caption1>}
      {check.customerTime !== null && check.outsideWorkingHours && (
        <SlotWarning>
          Outside the customer&apos;s working hours ({WORKING_HOURS_TEXT} in {customerZone}).
        </SlotWarning>
      )}
      {overlaps.map((booking) => (
        <SlotWarning key={booking.sessionId}>
          Overlaps your confirmed session on {booking.ticketNumber} ({inYourZone(booking)}).
        </SlotWarning>
      ))}
    </>
  );
}

export function SlotField({
  label,
  draft,
  check,
  overlaps,
  customerZone,
  onChange,
  onRemove,
}: {
  label: string;
  draft: SlotDraft;
  check: SlotCheck;
  overlaps: readonly Booking[];
  customerZone: string;
  onChange: (draft: SlotDraft) => void;
  onRemove?: () => void;
}) {
  const styles = useStyles();
  return (
    <fieldset className={styles.slot} aria-label={label}>
      <legend className={styles.legend}>{label}</legend>
      <div className={styles.row}>
        <Field
          label={`Start (your time, ${engineerZone()})`}
          validationMessage={check.problem ?? undefined}
          validationState={check.problem === null ? 'none' : 'error'}
        >
          <Input
            type="datetime-local"
            value={draft.start}
            onChange={(_, data) => onChange({ ...draft, start: data.value })}
          />
        </Field>
        <Field label="Length" className={styles.length}>
          <Dropdown
            value={lengthLabel(draft.minutes)}
            selectedOptions={[String(draft.minutes)]}
            onOptionSelect={(_, data) => onChange({ ...draft, minutes: Number(data.optionValue) })}
            style={{ minWidth: 0 }}
          >
            {SESSION_LENGTHS.map((minutes) => (
              <Option key={minutes} value={String(minutes)}>
                {lengthLabel(minutes)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {onRemove !== undefined && (
          <Button
            appearance="subtle"
            icon={<DeleteRegular />}
            aria-label={`Remove ${label.toLowerCase()}`}
            onClick={onRemove}
          />
        )}
      </div>
      <SlotNotes check={check} overlaps={overlaps} customerZone={customerZone} />
    </fieldset>
  );
}

/** The link's problem in words, or null when it is empty (no link) or valid. */
export function meetingLinkError(link: string): string | null {
  if (link.trim() === '') return null;
  return MeetingLinkArg.safeParse(link).error?.issues[0]?.message ?? null;
}

export function MeetingLinkField({
  value,
  onChange,
  hint,
}: {
  value: string;
  onChange: (value: string) => void;
  hint: string;
}) {
  const error = meetingLinkError(value);
  return (
    <Field
      label="Meeting link or remote-assistance code"
      // A long Teams link has no spaces to break at.
      hint={{ children: hint, style: { overflowWrap: 'anywhere' } }}
      validationMessage={error ?? undefined}
    >
      <Input
        value={value}
        placeholder="https://teams.microsoft.com/l/meetup-join/…"
        onChange={(_, data) => onChange(data.value)}
      />
    </Field>
  );
}

/** Asked only when a time overlaps another confirmed session: the server books it only with a reason. */
export function OverlapReasonField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <Field
      label="Why book it although it overlaps another session"
      required
      hint="Without a reason the overlapping time is refused; with one it is booked and the reason kept on the session."
    >
      <Textarea value={value} rows={2} onChange={(_, data) => onChange(data.value)} />
    </Field>
  );
}
