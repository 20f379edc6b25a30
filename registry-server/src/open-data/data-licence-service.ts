// The admin sets the licence of the node's published data (ADR 0048). It is stored where the
// node's profile already keeps it (CityNodeRecord.dataLicence, an SPDX id), so the node actor,
// which partners read, carries it without a second copy, and partners hear of a change through
// the same domain event as any profile edit (federation-bridge.ts).
import type { Actor } from '../accounts/actor.ts';
import { ActionError } from '../accounts/action-error.ts';
import { authorize } from '../accounts/authorization.ts';
import type { AuditLog } from '../accounts/audit-log-repository.ts';
import type { DomainEvents } from '../events/domain-events.ts';
import type { CityNodeRepository, StoredCityNode } from '../nodes/city-node-repository.ts';
import { DATA_LICENCES, licenceByEnum, licenceBySpdx, type DataLicenceInfo } from './data-licences.ts';

interface Deps {
  nodes: CityNodeRepository;
  events: DomainEvents;
  audit: AuditLog;
  nodeHandle: string;
  now: () => Date;
}

export interface OpenDataSettings {
  licence: DataLicenceInfo | null;
  choices: readonly DataLicenceInfo[];
  profileVersion: number;
}

export class DataLicenceService {
  readonly #deps: Deps;

  constructor(deps: Deps) {
    this.#deps = deps;
  }

  /** The licence as exports name it; anyone may read it. */
  async settings(): Promise<OpenDataSettings> {
    return settingsOf(await this.#ownProfile());
  }

  /** `licence`: a DataLicence enum value, or null for "not set". */
  async setLicence(actor: Actor, licence: string | null, profileVersion: number): Promise<OpenDataSettings> {
    authorize(actor, { do: 'settings.update' });
    const chosen = licence === null ? null : licenceByEnum(licence);
    if (licence !== null && !chosen)
      throw new ActionError(
        'VALIDATION_FAILED',
        `Unknown licence "${licence}": choose one of ${DATA_LICENCES.map((l) => l.licence).join(', ')}, or none.`,
        {
          fields: [{ field: 'licence', code: 'UNKNOWN_CODE', message: 'is not one of the licences offered.' }],
        },
      );
    const doc = await this.#ownProfile();
    const conflict = () =>
      new ActionError('VERSION_CONFLICT', 'The node profile was changed by someone else meanwhile; reload the page and choose again.', {
        currentVersion: doc.version,
      });
    if (doc.version !== profileVersion) throw conflict();
    const { dataLicence: _previous, ...rest } = doc.record;
    const record = chosen ? { ...rest, dataLicence: chosen.spdx } : rest;
    const saved = await this.#deps.nodes.applyChange(this.#deps.nodeHandle, doc.version, {
      record,
      updatedAt: this.#deps.now().toISOString(),
    });
    if (!saved) throw conflict();
    if (actor.kind === 'account')
      await this.#deps.audit.record({
        accountId: actor.accountId,
        role: actor.role,
        action: 'node.dataLicence',
        target: this.#deps.nodeHandle,
      });
    this.#deps.events.emit({ type: 'node.profileUpdated', handle: this.#deps.nodeHandle, version: saved.version });
    return settingsOf(saved);
  }

  async #ownProfile(): Promise<StoredCityNode> {
    const doc = await this.#deps.nodes.findById(this.#deps.nodeHandle);
    if (!doc) throw new ActionError('NOT_FOUND', `This node has no profile record "${this.#deps.nodeHandle}"; restart it with SEED=true.`);
    return doc;
  }
}

function settingsOf(doc: StoredCityNode): OpenDataSettings {
  return { licence: licenceBySpdx(doc.record.dataLicence), choices: DATA_LICENCES, profileVersion: doc.version };
}
