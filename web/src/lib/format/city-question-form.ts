// Several answer forms share the questions page (one per question received): each form's field
// ids carry the question's key, the last segment of its IRI (a UUID minted by the asking node),
// kept to what an HTML id may hold.
export const questionFormKey = (id: string): string => (id.split('/').at(-1) ?? '').replace(/[^A-Za-z0-9-]/g, '').slice(0, 64);
