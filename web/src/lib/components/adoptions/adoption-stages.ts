// The words of an adoption's stage, as message keys (found by the route scan as literals).
import type { AdoptionStage } from '#lib/generated/operation-types.ts';

export const STAGE_MESSAGES = {
  ADOPTING: 'adoptStageAdopting',
  ADAPTING: 'adoptStageAdapting',
  REUSED: 'adoptStageReused',
  DROPPED: 'adoptStageDropped',
} as const satisfies Record<AdoptionStage, string>;

export const STAGES: readonly AdoptionStage[] = ['ADOPTING', 'ADAPTING', 'REUSED', 'DROPPED'];
