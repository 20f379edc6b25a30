// The admin's choices for the node's fediverse presence (/admin/fediverse, ADR 0051): checked
// here (pinned practices must be this node's own published ones; images must be https
// addresses), saved by the repository, audited. The actors read them when they are served.
import type { Actor } from '../accounts/actor.ts';
import { ActionError } from '../accounts/action-error.ts';
import { authorize } from '../accounts/authorization.ts';
import type { AuditLog } from '../accounts/audit-log-repository.ts';
import type { GoodPracticeRepository } from '../practices/good-practice-repository.ts';
import type { FieldError } from '../records/field-errors.ts';
import type { FediverseSettings, FediverseSettingsRepository } from './fediverse-settings-repository.ts';

/** Mastodon shows at most five pinned posts on a profile. */
export const MAX_PINNED_PRACTICES = 5;
const MAX_URL_LENGTH = 2000;

export interface FediverseSettingsInput {
  discoverable: boolean;
  indexable: boolean;
  pinnedPractices: string[];
  avatarUrl?: string | null;
  headerUrl?: string | null;
}

interface Deps {
  repository: FediverseSettingsRepository;
  practices: GoodPracticeRepository;
  audit: AuditLog;
  now: () => Date;
}

export class FediverseSettingsService {
  readonly #deps: Deps;

  constructor(deps: Deps) {
    this.#deps = deps;
  }

  /** The settings as the actors use them (no check: they are public through the actors anyway). */
  current(): Promise<FediverseSettings> {
    return this.#deps.repository.get();
  }

  /** The settings for the admin's page. */
  async read(actor: Actor): Promise<FediverseSettings> {
    authorize(actor, { do: 'settings.update' });
    return this.#deps.repository.get();
  }

  async update(actor: Actor, input: FediverseSettingsInput): Promise<FediverseSettings> {
    authorize(actor, { do: 'settings.update' });
    const errors: FieldError[] = [];
    const pinned = [
      ...new Set(
        input.pinnedPractices
          .slice(0, 1000)
          .map((h) => h.trim())
          .filter((h) => h !== ''),
      ),
    ];
    if (pinned.length > MAX_PINNED_PRACTICES)
      errors.push({
        field: 'pinnedPractices',
        code: 'TOO_MANY',
        message: `Pin at most ${MAX_PINNED_PRACTICES} practices (Mastodon shows no more); unpin ${pinned.length - MAX_PINNED_PRACTICES}.`,
      });
    // Each pin is looked up only when there are not too many of them: a list of thousands is refused unread.
    for (const [i, handle] of (pinned.length <= MAX_PINNED_PRACTICES ? pinned : []).entries()) {
      const doc = handle.length <= 200 ? await this.#deps.practices.findPublishedById(handle) : null;
      if (!doc || doc.origin.kind !== 'local')
        errors.push({
          field: `pinnedPractices.${i}`,
          code: 'UNKNOWN_PRACTICE',
          message: `"${handle.slice(0, 80)}" is not a published practice of this node; choose one from the list.`,
        });
    }
    const avatarUrl = imageUrl(input.avatarUrl, 'avatarUrl', errors);
    const headerUrl = imageUrl(input.headerUrl, 'headerUrl', errors);
    if (errors.length)
      throw new ActionError('VALIDATION_FAILED', 'Some fediverse settings need fixing; see each field.', { fields: errors });
    if (actor.kind !== 'account') throw new Error('unreachable');
    const saved = await this.#deps.repository.save({
      discoverable: input.discoverable,
      indexable: input.indexable,
      pinnedPractices: pinned,
      avatarUrl,
      headerUrl,
      updatedAt: this.#deps.now().toISOString(),
    });
    await this.#deps.audit.record({
      accountId: actor.accountId,
      role: actor.role,
      action: 'fediverse.settings',
      target: 'fediverse',
      details: { discoverable: saved.discoverable, indexable: saved.indexable, pinnedPractices: saved.pinnedPractices },
    });
    return saved;
  }
}

/** An https address of a picture, or null for the default; anything else is a field error. */
function imageUrl(value: string | null | undefined, field: string, errors: FieldError[]): string | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  if (text.length > MAX_URL_LENGTH || !URL.canParse(text) || new URL(text).protocol !== 'https:') {
    errors.push({ field, code: 'INVALID_URL', message: 'Give the full https:// address of a picture, or leave it empty for the default.' });
    return null;
  }
  return new URL(text).href;
}
