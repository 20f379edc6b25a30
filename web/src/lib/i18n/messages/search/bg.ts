import type fr from './fr.ts';

const bg: { readonly [K in keyof typeof fr]: string } = {
};

export default bg;
