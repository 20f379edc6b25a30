import { describe, expect, it } from 'vitest';
import { TaxonomyCatalog } from '../../taxonomies/taxonomy-catalog.ts';
import { EXPLANATION_LANGUAGES, explanationLanguage, MatchExplainer } from './match-explanations.ts';
import { REASON_CODES, type MatchReason } from './market-match.ts';

const explainer = new MatchExplainer(TaxonomyCatalog.load());
const EXAMPLE: Record<(typeof REASON_CODES)[number], MatchReason['params']> = {
  'same-sector': { sector: 'AM60' },
  'cpv-sector': { cpv: '55520000-1', sector: 'AM60' },
  'distance-km': { km: 4 },
  'same-locality': { locality: 'Liège' },
  'same-country': { country: 'BE' },
  'delivers-here': {},
  language: { language: 'ar' },
  'reserved-eligible': { basis: 'eu-art20', article: '20' },
  capacity: { teamSize: '5-9', budgetBand: '30k-140k' },
  'need-offer-kind': { kind: 'kitchen' },
  'needs-offered': { kind: 'meeting-room' },
  'sent-by-moderator': {},
};

describe('reasons in words', () => {
  it('says the example of the issue in English and French', () => {
    const reasons: MatchReason[] = [
      { code: 'same-sector', params: { sector: 'AM60' } },
      { code: 'distance-km', params: { km: 4 } },
      { code: 'reserved-eligible', params: { basis: 'eu-art20', article: '20' } },
    ];
    expect(explainer.explain(reasons, 'en')).toBe('same sector: Food; 4 km away; eligible for a contract reserved under Article 20');
    expect(explainer.explain(reasons, 'fr')).toBe(
      "même secteur : Alimentation ; à 4 km ; éligible à un marché réservé au titre de l'article 20",
    );
  });

  it.each(EXPLANATION_LANGUAGES)('says every reason in %s, with no placeholder left and every parameter in words', (lang) => {
    for (const code of REASON_CODES) {
      const text = explainer.reason({ code, params: EXAMPLE[code] }, lang);
      expect(text, `${lang} ${code}`).not.toMatch(/[{}]/);
      expect(text.length, `${lang} ${code}`).toBeGreaterThan(5);
      if (code === 'distance-km') expect(text).toContain('4');
      if (code === 'same-locality') expect(text).toContain('Liège');
      if (code === 'cpv-sector') expect(text).toContain('55520000-1');
      if (code === 'reserved-eligible') expect(text).toContain('20');
      // Codes of taxonomies are said by their label, never as the code.
      expect(text).not.toMatch(/\bAM60\b|\bkitchen\b|30k-140k|meeting-room/);
    }
    // Each language has its own words, not English copies.
    if (lang !== 'en') expect(explainer.reason({ code: 'delivers-here', params: {} }, lang)).not.toBe('works in this area');
  });

  it('names a national status when it implements no article it knows of: its label, or its code when the taxonomy does not know it', () => {
    expect(explainer.reason({ code: 'reserved-eligible', params: { basis: 'it-cooperativa-sociale-b', article: '' } }, 'en')).toBe(
      'eligible for a reserved contract (Type B social cooperative (Italy))',
    );
    expect(explainer.reason({ code: 'reserved-eligible', params: { basis: 'xx-unknown-status', article: '' } }, 'en')).toBe(
      'eligible for a reserved contract (xx-unknown-status)',
    );
  });

  it('falls back to English for another language, and uses the primary subtag', () => {
    expect(explanationLanguage('pt-BR')).toBe('en');
    expect(explanationLanguage('fr-BE')).toBe('fr');
    expect(explainer.reason({ code: 'language', params: { language: 'ar' } }, 'de')).toBe('arbeitet auf Arabisch');
  });
});
