// A light Bulgarian stemmer: the algorithm of Lucene's BulgarianStemmer (Apache-2.0, after
// Savoy's "Searching strategies for the Bulgarian language"), rewritten on a character array
// because the published JavaScript port writes into a string and throws on words such as
// "доброволци". One addition: a final -и/-й left after the article and plural rules is dropped,
// so "кооперация", "кооперации" and "кооперацията" share the stem "кооперац".

export function stemBulgarian(word: string): string {
  const s = [...word];
  let n = s.length;
  if (n < 4) return word;
  if (n > 5 && endsWith(s, n, 'ища')) return s.slice(0, n - 3).join('');
  n = removeArticle(s, n);
  n = removePlural(s, n);
  if (n > 3) {
    if (endsWith(s, n, 'я')) n--;
    if (endsWith(s, n, 'а') || endsWith(s, n, 'о') || endsWith(s, n, 'е')) n--;
  }
  if (n > 4 && endsWith(s, n, 'ен')) {
    s[n - 2] = 'н';
    n--;
  }
  if (n > 5 && s[n - 2] === 'ъ') {
    s[n - 2] = s[n - 1]!;
    n--;
  }
  if (n > 4 && (s[n - 1] === 'и' || s[n - 1] === 'й')) n--;
  return s.slice(0, n).join('');
}

function removeArticle(s: string[], n: number): number {
  if (n > 6 && endsWith(s, n, 'ият')) return n - 3;
  if (n > 5 && (endsWith(s, n, 'ът') || endsWith(s, n, 'то') || endsWith(s, n, 'те') || endsWith(s, n, 'та') || endsWith(s, n, 'ия')))
    return n - 2;
  if (n > 4 && endsWith(s, n, 'ят')) return n - 2;
  return n;
}

function removePlural(s: string[], n: number): number {
  if (n > 6) {
    if (endsWith(s, n, 'овци')) return n - 3;
    if (endsWith(s, n, 'ове')) return n - 3;
    if (endsWith(s, n, 'еве')) {
      s[n - 3] = 'й';
      return n - 2;
    }
  }
  if (n > 5) {
    if (endsWith(s, n, 'ища')) return n - 3;
    if (endsWith(s, n, 'та')) return n - 2;
    if (endsWith(s, n, 'ци')) {
      s[n - 2] = 'к';
      return n - 1;
    }
    if (endsWith(s, n, 'зи')) {
      s[n - 2] = 'г';
      return n - 1;
    }
    if (s[n - 3] === 'е' && s[n - 1] === 'и') {
      s[n - 3] = 'я';
      return n - 1;
    }
  }
  if (n > 4) {
    if (endsWith(s, n, 'си')) {
      s[n - 2] = 'х';
      return n - 1;
    }
    if (endsWith(s, n, 'и')) return n - 1;
  }
  return n;
}

function endsWith(s: string[], n: number, suffix: string): boolean {
  const k = suffix.length;
  if (k > n) return false;
  for (let i = 0; i < k; i++) if (s[n - k + i] !== suffix[i]) return false;
  return true;
}
