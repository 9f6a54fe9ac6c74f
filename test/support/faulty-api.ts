// A SyncApi wrapper that fails on a schedule: drops, 5xx, timeouts with late arrival, duplicates, reordered
// answers, pushes answered in part.
import { ApiError } from '../../renderer/data/api-client';
import type { PullPosition } from '../../renderer/data/pull-position';
import type { Connectivity } from '../../renderer/data/connectivity';
import type { SyncApi } from '../../renderer/data/sync-api';
import type { Cursor, PullResponse, PushRequest, PushResponse } from '../../shared/api';
import type { TeamContext } from '../../shared/domain';

/** What happens to one request. */
export type Delivery =
  | { kind: 'clean' }
  /** The connection drops before the request reaches the server. */
  | { kind: 'dropBeforeCommit' }
  /** The server handles the request (a push commits), then the connection drops before the answer. */
  | { kind: 'dropAfterCommit' }
  | { kind: 'serverError'; afterCommit: boolean }
  /** The client gives up at once; the request itself reaches the server `lateBy` requests later. */
  | { kind: 'timeout'; lateBy: number }
  /** The request is delivered twice (a proxy's retry); the client gets the second answer. */
  | { kind: 'duplicate' }
  /** The answer's list (push results, pulled tickets) arrives in another order. */
  | { kind: 'reorder'; seed: number }
  /**
   * A push is answered for its first `keep` mutations only, as a server that had worked on it long
   * enough answers: it applied those, not the rest. Other requests are answered in full.
   */
  | { kind: 'partial'; keep: number };

export type RequestKind = 'team' | 'pull' | 'push';

/** A delivery waiting for the next request of its kind; requests of other kinds pass it by. */
export type ScheduledDelivery = Delivery & { at: RequestKind };

/** The deliveries still to come and the requests still in flight; shared by every incarnation of a client. */
export class FaultSchedule {
  private upcoming: ScheduledDelivery[] = [];
  private inFlight: { countdown: number; deliver: () => Promise<unknown> }[] = [];
  /** Both answers to every push delivered twice: the server must have given the same one. */
  readonly redeliveries: { request: PushRequest; first: PushResponse; second: PushResponse }[] = [];
  /** How many faults of each kind were actually dealt, for the soak's summary. */
  readonly dealt = new Map<string, number>();
  /**
   * Called as each request starts, while the engine waits on it: a test reads the console's state
   * there, between two of the engine's steps, not only between two of the user's.
   */
  onRequest: () => Promise<void> = () => Promise.resolve();

  add(deliveries: readonly ScheduledDelivery[]): void {
    this.upcoming.push(...deliveries);
  }

  clear(): void {
    this.upcoming = [];
  }

  /** The first delivery scheduled for this kind of request, or a clean one. */
  next(kind: RequestKind): Delivery {
    const index = this.upcoming.findIndex((delivery) => delivery.at === kind);
    const delivery = index < 0 ? undefined : this.upcoming.splice(index, 1)[0];
    if (delivery === undefined) return { kind: 'clean' };
    this.dealt.set(`${kind}:${delivery.kind}`, (this.dealt.get(`${kind}:${delivery.kind}`) ?? 0) + 1);
    return delivery;
  }

  /**
   * A delivery that found nothing to act on (a push of no more mutations than it keeps) waits behind
   * the deliveries scheduled after it, so that it holds none of them back, and is counted when it acts.
   */
  putBack(delivery: ScheduledDelivery): void {
    this.upcoming.push(delivery);
    const key = `${delivery.at}:${delivery.kind}`;
    this.dealt.set(key, (this.dealt.get(key) ?? 1) - 1);
  }

  hold(lateBy: number, deliver: () => Promise<unknown>): void {
    this.inFlight.push({ countdown: lateBy, deliver });
  }

  /** Lets the late requests whose time has come reach the server, oldest first; called before each request. */
  async tick(): Promise<void> {
    const due = this.inFlight.filter((request) => request.countdown <= 0);
    this.inFlight = this.inFlight.filter((request) => request.countdown > 0);
    for (const request of this.inFlight) request.countdown -= 1;
    await deliverAll(due);
  }

  /** Every request still in flight reaches the server now. */
  async flush(): Promise<void> {
    const due = this.inFlight;
    this.inFlight = [];
    await deliverAll(due);
  }
}

async function deliverAll(requests: readonly { deliver: () => Promise<unknown> }[]): Promise<void> {
  // Nobody is waiting for these answers any more; whatever they are, they are dropped.
  for (const request of requests) await request.deliver().catch(() => undefined);
}

/** A deterministic shuffle (mulberry32), so a reordering replays from the fast-check seed. */
export function permute<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as T, shuffled[i] as T];
  }
  return shuffled;
}

const offline = (why: string) => new ApiError('offline', `The server cannot be reached (${why}).`);

export class FaultyApi implements SyncApi {
  private severed = false;

  constructor(
    private readonly inner: SyncApi,
    private readonly connectivity: Connectivity,
    private readonly schedule: FaultSchedule,
  ) {}

  /**
   * The client process died: no further request leaves it and no answer reaches it, though a request
   * already on the wire still reaches the server.
   */
  sever(): void {
    this.severed = true;
  }

  team(): Promise<TeamContext> {
    return this.send('team', () => this.inner.team());
  }

  pull(cursor: Cursor, limit: number, history: string | null, latest?: PullPosition['latest']): Promise<PullResponse> {
    return this.send(
      'pull',
      () => this.inner.pull(cursor, limit, history, latest),
      (page, seed) => ({ ...page, tickets: permute(page.tickets, seed) }),
    );
  }

  push(request: PushRequest): Promise<PushResponse> {
    return this.send(
      'push',
      () => this.inner.push(request),
      (answer, seed) => ({ results: permute(answer.results, seed) }),
      (first, second) => this.schedule.redeliveries.push({ request, first, second }),
      (keep) => {
        if (request.mutations.length > keep) {
          return this.inner.push({ ...request, mutations: request.mutations.slice(0, keep) });
        }
        this.schedule.putBack({ kind: 'partial', keep, at: 'push' });
        return this.inner.push(request);
      },
    );
  }

  private async send<T>(
    kind: RequestKind,
    call: () => Promise<T>,
    reorder: (answer: T, seed: number) => T = (answer) => answer,
    onDuplicate: (first: T, second: T) => void = () => undefined,
    inPart: (keep: number) => Promise<T> = call,
  ): Promise<T> {
    if (this.severed) throw offline('the console was closed');
    await this.schedule.onRequest();
    const delivery = this.schedule.next(kind);
    await this.schedule.tick();
    if (!this.connectivity.isOnline()) throw offline('no network');
    const answer = await this.deliver(delivery, call, reorder, onDuplicate, inPart);
    // Going offline or closing while the request was out loses its answer, not its effect.
    if (this.severed) throw offline('the console was closed');
    if (!this.connectivity.isOnline()) throw offline('the network went away');
    return answer;
  }

  private async deliver<T>(
    delivery: Delivery,
    call: () => Promise<T>,
    reorder: (answer: T, seed: number) => T,
    onDuplicate: (first: T, second: T) => void,
    inPart: (keep: number) => Promise<T>,
  ): Promise<T> {
    switch (delivery.kind) {
      case 'clean':
        return call();
      case 'dropBeforeCommit':
        throw offline('connection reset before the request was sent');
      case 'dropAfterCommit':
        await call();
        throw offline('connection reset before the answer arrived');
      case 'serverError':
        if (delivery.afterCommit) await call();
        throw new ApiError('server', 'The server had a problem (HTTP 503).', 503);
      case 'timeout':
        this.schedule.hold(delivery.lateBy, call);
        throw offline('timed out');
      case 'duplicate': {
        const first = await call();
        const second = await call();
        onDuplicate(first, second);
        return second;
      }
      case 'reorder':
        return reorder(await call(), delivery.seed);
      case 'partial':
        return inPart(delivery.keep);
    }
  }
}
