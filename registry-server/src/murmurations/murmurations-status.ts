// Where the node's Murmurations profiles stand with the index, for its admins (GraphQL
// `murmurationsStatus`, `npm run umn -- murmurations`): what was sent, what failed and why, what
// is still to send. Read from the registrations the sync keeps (ADR 0050).
import type { Actor } from '../accounts/actor.ts';
import { authorize } from '../accounts/authorization.ts';
import type { MurmurationsRegistrationRepository, Registration } from './murmurations-registration-repository.ts';

export interface MurmurationsStatusView {
  /** The index API the node registers with; null when MURMURATIONS_INDEX_URL is unset (nothing is sent). */
  indexUrl: string | null;
  pending: number;
  gaveUp: number;
  registrations: Array<Registration & { nextAttemptAt: number }>;
}

export class MurmurationsStatus {
  readonly #registrations: MurmurationsRegistrationRepository;
  readonly #indexUrl: URL | undefined;

  constructor(registrations: MurmurationsRegistrationRepository, indexUrl: URL | undefined) {
    this.#registrations = registrations;
    this.#indexUrl = indexUrl;
  }

  async view(actor: Actor): Promise<MurmurationsStatusView> {
    authorize(actor, { do: 'settings.update' });
    const all = await this.#registrations.all();
    return {
      indexUrl: this.#indexUrl?.href ?? null,
      pending: all.filter((doc) => doc.changed && !doc.gaveUp).length,
      gaveUp: all.filter((doc) => doc.gaveUp).length,
      registrations: all.map(({ leaseUntil: _lease, changeSeq: _seq, ...registration }) => registration),
    };
  }
}
