// A stored Note as ActivityStreams: the compact JSON-LD delivered to followers (written by hand
// and signed like the record activities, fanout/follower-deliveries.ts), and the same Note as a
// Fedify object for the outbox and for a fetch of its id. Mastodon reads `content` (HTML),
// `contentMap` (its language), `tag` (Hashtag: the tags it links), `url` and the audience:
// Public in `to` and the followers collection in `cc` make it a public post on the timelines.
import type { Context } from '@fedify/fedify';
import { Create, Hashtag, LanguageString, Note, PUBLIC_COLLECTION } from '@fedify/vocab';
import { AS_CONTEXT, DATA_INTEGRITY_CONTEXT, PUBLIC_AUDIENCE, type ActivityDocument } from '../fanout/follower-deliveries.ts';
import type { FederationData } from '../federation-context.ts';
import type { StoredNote } from './note-repository.ts';

export const NOTE_PATH = '/ap/notes/{id}';

/** The terms Mastodon adds to ActivityStreams for what a Note carries. */
const NOTE_CONTEXT = [AS_CONTEXT, DATA_INTEGRITY_CONTEXT, { Hashtag: 'as:Hashtag', sensitive: 'as:sensitive' }];

export function noteIri(ctx: Context<FederationData>, id: string): URL {
  return ctx.getObjectUri(Note, { id });
}

/** Whether an IRI names a Note of a node (a partner copying an outbox skips them: they are not listings). */
export function isNoteIri(iri: string): boolean {
  return URL.canParse(iri) && new URL(iri).pathname.startsWith('/ap/notes/');
}

function noteDocument(ctx: Context<FederationData>, note: StoredNote): Record<string, unknown> {
  return {
    id: noteIri(ctx, note._id).href,
    type: 'Note',
    attributedTo: ctx.getActorUri(note.actor).href,
    content: note.content,
    ...(note.language !== 'und' ? { contentMap: { [note.language]: note.content } } : {}),
    url: note.url,
    published: note.published,
    to: [PUBLIC_AUDIENCE],
    cc: [ctx.getFollowersUri(note.actor).href],
    tag: note.tags.map((t) => ({ type: 'Hashtag', href: t.href, name: t.name })),
    sensitive: false,
  };
}

/** The Create of `note` its followers receive (compact JSON-LD, unsigned). */
export function noteCreateActivity(ctx: Context<FederationData>, note: StoredNote): ActivityDocument {
  const object = noteDocument(ctx, note);
  return {
    '@context': NOTE_CONTEXT,
    id: `${object.id as string}/activity`,
    type: 'Create',
    actor: ctx.getActorUri(note.actor).href,
    published: note.published,
    to: object.to,
    cc: object.cc,
    object,
  };
}

/** The Delete its followers receive once the record `note` announced is withdrawn. */
export function noteDeleteActivity(ctx: Context<FederationData>, note: StoredNote, at: string): ActivityDocument {
  const id = noteIri(ctx, note._id).href;
  return {
    '@context': [AS_CONTEXT, DATA_INTEGRITY_CONTEXT],
    id: `${id}/delete`,
    type: 'Delete',
    actor: ctx.getActorUri(note.actor).href,
    to: [PUBLIC_AUDIENCE],
    cc: [ctx.getFollowersUri(note.actor).href],
    object: { type: 'Tombstone', id, formerType: 'Note', deleted: at },
  };
}

/** `note` as a Fedify object (the outbox's items, a fetch of its id). */
export function noteObject(ctx: Context<FederationData>, note: StoredNote): Note {
  return new Note({
    id: noteIri(ctx, note._id),
    attribution: ctx.getActorUri(note.actor),
    contents: note.language !== 'und' ? [note.content, new LanguageString(note.content, note.language)] : [note.content],
    url: new URL(note.url),
    published: Temporal.Instant.from(note.published),
    tos: [PUBLIC_COLLECTION],
    ccs: [ctx.getFollowersUri(note.actor)],
    tags: note.tags.map((t) => new Hashtag({ href: new URL(t.href), name: t.name })),
    sensitive: false,
  });
}

/** The Create of `note`, as an outbox item. */
export function noteCreate(ctx: Context<FederationData>, note: StoredNote): Create {
  const object = noteObject(ctx, note);
  return new Create({
    id: new URL(`${object.id!.href}/activity`),
    actor: ctx.getActorUri(note.actor),
    published: object.published,
    tos: [PUBLIC_COLLECTION],
    ccs: [ctx.getFollowersUri(note.actor)],
    object,
  });
}
