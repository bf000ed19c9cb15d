// Forgiving search: case-insensitive token overlap that ignores stop words, file
// extensions and separators, so "Q3 report" finds /storage/documents/Q3_financial_report.pdf.
// Ranking is deterministic: score, then the share of the candidate's tokens that matched
// (shorter names win), then catalogue order. Fuzzy spelling correction is left out.

const STOP_WORDS = new Set([
  "a", "an", "the", "my", "me", "i", "of", "for", "to", "in", "on", "at", "and", "or", "with", "from", "by", "about",
  "is", "it", "this", "that", "some", "all", "any", "please", "find", "search", "show", "get", "file", "files",
]);
const EXTENSIONS = /\.(pdf|docx?|pptx?|xlsx?|txt|jpe?g|png|csv|md)$/i;

export function tokenize(text: string): string[] {
  const base = (text.split("/").pop() ?? text).replace(EXTENSIONS, "");
  return base
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== "" && !STOP_WORDS.has(token))
    .map(singular);
}

/** A crude English singular, applied to query and names alike: passes → pass, invoices → invoice. */
function singular(token: string): string {
  if (token.length > 4 && /(ss|x|ch|sh)es$/.test(token)) return token.slice(0, -2);
  return token.length > 3 && token.endsWith("s") && !token.endsWith("ss") ? token.slice(0, -1) : token;
}

function tokenScore(queryToken: string, candidateTokens: string[]): number {
  let best = 0;
  for (const token of candidateTokens) {
    if (token === queryToken) return 1;
    const shorter = token.length < queryToken.length ? token : queryToken;
    const longer = shorter === token ? queryToken : token;
    if (shorter.length >= 3 && longer.startsWith(shorter)) best = Math.max(best, 0.75);
  }
  return best;
}

/** Items that share at least one token with the query, best first, at most `limit`. */
export function rankMatches<T>(query: string, items: readonly T[], textOf: (item: T) => string, limit = 3): T[] {
  const queryTokens = [...new Set(tokenize(query))];
  if (queryTokens.length === 0) return [];
  return items
    .map((item, index) => {
      const tokens = tokenize(textOf(item));
      const score = queryTokens.reduce((sum, token) => sum + tokenScore(token, tokens), 0);
      const matched = tokens.filter((token) => queryTokens.some((queryToken) => tokenScore(queryToken, [token]) > 0)).length;
      return { item, index, score, coverage: tokens.length === 0 ? 0 : matched / tokens.length };
    })
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || b.coverage - a.coverage || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.item);
}

/** Exact (case-insensitive) name first, then the best forgiving match, else undefined. */
export function resolveName<T>(query: string, items: readonly T[], textOf: (item: T) => string): T | undefined {
  const wanted = query.trim().toLowerCase();
  return items.find((item) => textOf(item).toLowerCase() === wanted) ?? rankMatches(query, items, textOf, 1)[0];
}
