import type fr from './fr.ts';

const el: { readonly [K in keyof typeof fr]: string } = {
};

export default el;
