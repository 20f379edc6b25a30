import { describe, expect, it } from 'vitest';
import { FEDIVERSE_FIELD_IDS, fediverseProblems, readFediverseForm } from './fediverse-form.ts';

describe('the fediverse settings form', () => {
  it('reads ticked boxes as true, missing ones as false, and the pinned practices in order', () => {
    const data = new FormData();
    data.append('indexable', 'on');
    data.append('pinned', 'pt6');
    data.append('pinned', 'pt2');
    data.append('avatarUrl', '  https://example.org/logo.png ');
    expect(readFediverseForm(data)).toEqual({
      discoverable: false,
      indexable: true,
      pinnedPractices: ['pt6', 'pt2'],
      avatarUrl: 'https://example.org/logo.png',
      headerUrl: '',
    });
  });

  it('puts the registry’s refusals next to the fields, in our words', () => {
    const problems = fediverseProblems({
      code: 'VALIDATION_FAILED',
      message: 'Some fediverse settings need fixing; see each field.',
      fields: [
        { field: 'pinnedPractices.1', code: 'UNKNOWN_PRACTICE', message: '"x" is not a published practice of this node.' },
        { field: 'headerUrl', code: 'INVALID_URL', message: 'Give the full https:// address.' },
      ],
    });
    expect(problems.fields[FEDIVERSE_FIELD_IDS.pinned]).toEqual({ key: 'fediAdminErrorUnknownPractice' });
    expect(problems.fields[FEDIVERSE_FIELD_IDS.header]).toEqual({ key: 'fediAdminErrorUrl' });
    expect(problems.general).toEqual([]);
  });
});
