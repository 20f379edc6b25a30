import type fr from './fr.ts';

const it: { readonly [K in keyof typeof fr]: string } = {
};

export default it;
