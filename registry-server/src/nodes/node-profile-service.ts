// The node's admin edits the node's own profile: names and descriptions per language, contact,
// city-centre point, languages and the organisations that run it. The change goes through the
// one validation layer of records (record-validator.ts) like seeds and received profiles, is
// stored by the node repository, and is announced as a domain event: federation tells partners
// (federation-bridge.ts), so a partner being down never fails the edit.
import type { Actor } from '../accounts/actor.ts';
import { ActionError } from '../accounts/action-error.ts';
import { authorize } from '../accounts/authorization.ts';
import type { AuditLog } from '../accounts/audit-log-repository.ts';
import type { NodeSettingsRepository } from '../editorial/node-settings-repository.ts';
import type { DomainEvents } from '../events/domain-events.ts';
import type { FieldError } from '../records/field-errors.ts';
import type { CityNodeRecord } from '../records/record-types.ts';
import type { RecordValidator } from '../records/record-validator.ts';
import type { CityNodeRepository, StoredCityNode } from './city-node-repository.ts';

export interface NodeProfileInput {
  version: number;
  texts: Array<{ language: string; name?: string | null; summary?: string | null }>;
  contact?: { email?: string | null; address?: string | null } | null;
  geo?: { lat: number; lon: number } | null;
  defaultLanguages: string[];
  operators: Array<{ name: string; role: string; url?: string | null }>;
}

interface Deps {
  nodes: CityNodeRepository;
  validator: RecordValidator;
  settings: NodeSettingsRepository;
  events: DomainEvents;
  audit: AuditLog;
  nodeHandle: string;
  /** Whether an e-mail address is the sign-in address of an account here (a person's). */
  isAccountEmail: (email: string) => Promise<boolean>;
  now: () => Date;
}

export class NodeProfileService {
  readonly #deps: Deps;

  constructor(deps: Deps) {
    this.#deps = deps;
  }

  async update(actor: Actor, input: NodeProfileInput): Promise<StoredCityNode> {
    authorize(actor, { do: 'settings.update' });
    const { nodes, validator, nodeHandle, now } = this.#deps;
    const doc = await nodes.findById(nodeHandle);
    if (!doc) throw new ActionError('NOT_FOUND', `This node has no profile record "${nodeHandle}"; restart it with SEED=true.`);
    const conflict = () =>
      new ActionError(
        'VERSION_CONFLICT',
        'The profile was changed by someone else since you opened it; reload the page and make your change again.',
        {
          currentVersion: doc.version,
        },
      );
    if (doc.version !== input.version) throw conflict();
    const { record, problems } = profileRecord(doc.record, input);
    const errors = [...problems, ...validator.validate('city-node', record)];
    // The contact is published: an account's sign-in address is a person's, never the
    // organisation's functional one (the admin typing their own address is the usual slip).
    if (record.contact?.email && (await this.#deps.isAccountEmail(record.contact.email)))
      errors.push({
        field: 'contact.email',
        code: 'PERSONAL_ADDRESS',
        message:
          "is the sign-in address of a person's account here; give the organisation's own address (contact@, info@ …), which is published.",
      });
    if (errors.length)
      throw new ActionError('VALIDATION_FAILED', `The profile was not saved: ${errors.length} field(s) to correct.`, { fields: errors });
    const at = now().toISOString();
    const saved = await nodes.applyChange(nodeHandle, doc.version, { record, updatedAt: at });
    if (!saved) throw conflict();
    await this.#deps.settings.update({ profileEditedAt: at });
    if (actor.kind === 'account')
      await this.#deps.audit.record({ accountId: actor.accountId, role: actor.role, action: 'node.profile', target: nodeHandle });
    this.#deps.events.emit({ type: 'node.profileUpdated', handle: nodeHandle, version: saved.version });
    return saved;
  }
}

const trimmed = (text: string | null | undefined): string | undefined => {
  const t = text?.trim();
  return t ? t : undefined;
};

/**
 * The record the input describes, on top of the stored one (locality, country, sources … stay).
 * `status` goes: a profile its own node wrote is never a seed placeholder. Problems the schema
 * cannot see (a language given twice) come back with the record's field paths.
 */
export function profileRecord(stored: CityNodeRecord, input: NodeProfileInput): { record: CityNodeRecord; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const name: Record<string, string> = {};
  const summary: Record<string, string> = {};
  const seen = new Set<string>();
  for (const text of input.texts) {
    const language = text.language.trim();
    if (seen.has(language)) {
      problems.push({
        field: `name.${language}`,
        code: 'DUPLICATE',
        message: `the language ${language} is given twice; give each language once.`,
      });
      continue;
    }
    seen.add(language);
    const n = trimmed(text.name);
    const s = trimmed(text.summary);
    if (n) name[language] = n;
    if (s) summary[language] = s;
    if (s && !n)
      problems.push({ field: `name.${language}`, code: 'REQUIRED', message: 'is required when a description is given in this language.' });
  }
  const contact = {
    ...(trimmed(input.contact?.email) ? { email: trimmed(input.contact?.email) } : {}),
    ...(trimmed(input.contact?.address) ? { address: trimmed(input.contact?.address) } : {}),
  };
  const { status: _placeholder, summary: _summary, contact: _contact, geo: _geo, ...kept } = stored;
  const record: CityNodeRecord = {
    ...kept,
    name,
    ...(Object.keys(summary).length ? { summary } : {}),
    ...(Object.keys(contact).length ? { contact } : {}),
    ...(input.geo ? { geo: { lat: input.geo.lat, lon: input.geo.lon } } : {}),
    defaultLanguages: input.defaultLanguages.map((l) => l.trim()),
    operators: input.operators.map((o) => ({
      name: o.name.trim(),
      role: o.role.trim(),
      ...(trimmed(o.url) ? { url: trimmed(o.url) } : {}),
    })),
  };
  if (!record.operators?.length) delete record.operators;
  return { record, problems };
}
