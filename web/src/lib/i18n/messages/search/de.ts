import type fr from './fr.ts';

const de: { readonly [K in keyof typeof fr]: string } = {
};

export default de;
