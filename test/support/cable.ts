// A switch standing in for the network cable: the sync engine watches it, the faulty API obeys it.
import type { Connectivity } from '../../renderer/data/connectivity';

export class Cable implements Connectivity {
  private online = true;
  private readonly listeners = new Set<(online: boolean) => void>();
  isOnline = () => this.online;
  watch(onChange: (online: boolean) => void): () => void {
    this.listeners.add(onChange);
    return () => this.listeners.delete(onChange);
  }
  plug(online: boolean): void {
    this.online = online;
    for (const listener of this.listeners) listener(online);
  }
}
