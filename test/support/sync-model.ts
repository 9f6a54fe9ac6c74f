// The model-based test of offline sync (steps, faults, checks), shared by the unit test and the soak.
import fc from 'fast-check';
import type { Delivery, ScheduledDelivery } from './faulty-api';
import { checkAlways, checkChanges, checkSettled } from './sync-invariants';
import { type Device, type OtherRole, SyncWorld } from './sync-world';
import { CHANGE_KINDS, type ChangeKind } from './ticket-changes';

type Model = Record<string, never>;

/** One step of a run; every step is followed by the always-invariants. */
class Step implements fc.AsyncCommand<Model, SyncWorld> {
  constructor(
    private readonly label: string,
    private readonly act: (world: SyncWorld) => Promise<void> | void,
  ) {}

  // Every step makes sense in every state (a change to a ticket the console lacks is simply skipped),
  // so shrinking may drop any step.
  check = (): boolean => true;

  async run(_model: Model, world: SyncWorld): Promise<void> {
    world.tick();
    await this.act(world);
    await checkAlways(world);
  }

  toString = (): string => this.label;
}

export const delivery: fc.Arbitrary<Delivery> = fc.oneof(
  fc.constant({ kind: 'clean' as const }),
  fc.constant({ kind: 'dropBeforeCommit' as const }),
  fc.constant({ kind: 'dropAfterCommit' as const }),
  fc.record({ kind: fc.constant('serverError' as const), afterCommit: fc.boolean() }),
  fc.record({ kind: fc.constant('timeout' as const), lateBy: fc.nat({ max: 3 }) }),
  fc.constant({ kind: 'duplicate' as const }),
  fc.record({ kind: fc.constant('reorder' as const), seed: fc.nat() }),
  fc.record({ kind: fc.constant('partial' as const), keep: fc.integer({ min: 1, max: 2 }) }),
);

const slot = fc.nat({ max: 20 });
const pick = fc.nat({ max: 20 });

/** A change by the user on the laptop or on the desk, or by the other person. */
const change = (who: Device | 'other', kinds: readonly ChangeKind[]) =>
  fc
    .record({ kind: fc.constantFrom(...kinds), slot, pick })
    .map(
      ({ kind, slot, pick }) =>
        new Step(`${who} ${kind} on hot ticket ${slot} (${pick})`, (world) =>
          who === 'other' ? world.otherChange(kind, slot, pick) : world.userChange(kind, slot, pick, who),
        ),
    );

/** Most faults hit pushes, where a change can be lost or repeated; the rest hit the team and pull requests. */
const scheduled: fc.Arbitrary<ScheduledDelivery> = fc
  .tuple(
    delivery,
    fc.constantFrom('push', 'push', 'push', 'pull', 'pull', 'team') as fc.Arbitrary<ScheduledDelivery['at']>,
  )
  // A push answered in part is a push's fault: a pull's pages and the roster are answered whole.
  .map(([d, at]) => ({ ...d, at: d.kind === 'partial' ? 'push' : at }));

const sync = fc.constant(new Step('sync', (world) => world.sync()));
const deskSync = fc.constant(new Step('the desk syncs', (world) => world.sync('desk')));

// fc.commands picks among these uniformly, so a step listed twice is twice as likely.
const steps = [
  change('laptop', ['note', 'reply', 'status']),
  change('laptop', ['note', 'reply', 'status']),
  change('laptop', ['note', 'reply', 'status']),
  change('laptop', CHANGE_KINDS),
  change('desk', CHANGE_KINDS),
  change('other', CHANGE_KINDS),
  change('other', ['close']),
  sync,
  sync,
  deskSync,
  fc.constant(new Step('go offline', (world) => world.plug(false))),
  fc.constant(new Step('go offline', (world) => world.plug(false))),
  fc.constant(new Step('go online', (world) => world.plug(true))),
  fc.constant(new Step('restart the console', (world) => world.restart())),
  fc.constant(new Step('restart the server', (world) => world.restartServer())),
  fc.constant(new Step("the user's token expires", (world) => world.expireToken())),
  fc.constant(new Step('sign in again', (world) => world.signInAgain())),
  fc
    .integer({ min: 1, max: 3 })
    .map((writes) => new Step(`the disk is full for ${writes} writes`, (world) => world.fillDisk(writes))),
  pick.map((n) => new Step(`discard refused change ${n}`, (world) => world.discard(n))),
  pick.map((n) => new Step(`retry refused change ${n}`, (world) => world.retry(n))),
  // A restore takes the server back to its last backup: every change it handled since is gone from it.
  fc.constant(new Step('back up the server', (world) => world.backUpServer())),
  fc.constant(new Step('restore the server from its backup', (world) => world.restoreServer())),
];

const HOUR = 3_600_000;

export interface SyncScenario {
  other: OtherRole;
  /** How far the console's clock is from the server's: a few minutes, hours, or a day and more. */
  skewMs: number;
  /** What happens to the run's requests, in order per kind: every sync takes from it, background ones too. */
  faults: ScheduledDelivery[];
  /** Half the runs start offline: edits pile up in the outbox while the other person works. */
  online: boolean;
  steps: Iterable<fc.AsyncCommand<Model, SyncWorld>>;
}

export const syncScenario = (maxSteps = 16): fc.Arbitrary<SyncScenario> =>
  fc.record({
    other: fc.constantFrom<OtherRole>('lead', 'engineer'),
    skewMs: fc.constantFrom(0, 0, 5 * 60_000, -3 * HOUR, 26 * HOUR, -9 * 24 * HOUR),
    online: fc.boolean(),
    faults: fc.array(scheduled, { maxLength: 24 }),
    steps: fc.commands(steps, { maxCommands: maxSteps, size: '+1' }),
  });

/** Runs the steps, settles (no faults, online, synced), and checks; throws an AssertionError on a violation. */
export async function runSyncScenario({ other, skewMs, online, faults, steps }: SyncScenario): Promise<void> {
  const world = await SyncWorld.open(other, online, skewMs);
  world.schedule.add(faults);
  // Between the engine's own steps too (say, after the push answers are recorded, before the pull).
  // A probe that overlapped an action (the ledger ahead of the store) proves nothing either way.
  world.schedule.onRequest = async () => {
    const acts = world.acts;
    if (world.busy > 0 || world.errors.length > 0) return;
    await checkChanges(world).catch((error: unknown) => {
      if (world.busy === 0 && world.acts === acts) world.errors.push(error);
    });
  };
  try {
    await fc.asyncModelRun(() => ({ model: {}, real: world }), steps);
    await world.quiesce();
    await checkAlways(world);
    await checkSettled(world);
  } finally {
    await world.close();
  }
}
