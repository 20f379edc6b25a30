import type fr from './fr.ts';

const en: { readonly [K in keyof typeof fr]: string } = {
};

export default en;
