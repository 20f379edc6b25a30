import type fr from './fr.ts';

const ar: { readonly [K in keyof typeof fr]: string } = {
};

export default ar;
