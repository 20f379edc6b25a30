import type fr from './fr.ts';

const sl: { readonly [K in keyof typeof fr]: string } = {
};

export default sl;
