import type fr from './fr.ts';

const nl: { readonly [K in keyof typeof fr]: string } = {
};

export default nl;
