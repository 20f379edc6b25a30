// The page types of a seeded Liège node that the web and Lighthouse benches open, with the paths
// that depend on the seeds (the first good practice and its practice type) asked of the node.
export interface SeededPages {
  practiceSlug: string;
  practiceType: string;
}

/** The first good practice of the node at `url`, and its practice type. */
export async function seededPages(url: string): Promise<SeededPages> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ goodPractices(first: 1) { edges { node { slug practiceType { code } } } } }' }),
  });
  const body = (await response.json()) as {
    data?: { goodPractices: { edges: Array<{ node: { slug: string; practiceType: { code: string } | null } }> } };
  };
  const practice = body.data?.goodPractices.edges[0]?.node;
  if (!practice) throw new Error(`the node at ${url} has no good practice: is it seeded? (${JSON.stringify(body).slice(0, 300)})`);
  return { practiceSlug: practice.slug, practiceType: practice.practiceType?.code ?? 'PT1' };
}
