/**
 * Usernames per municipality: a username an admin creates always ends in
 * its municipality's own suffix ("kari" in Ås is "kari@aas"), so usernames
 * of different municipalities can never clash, and "already taken" only
 * ever speaks of one's own municipality's names (which the admin sees
 * anyway). The suffix is the municipality's name in plain letters, made
 * unique when the municipality is created.
 */

/** A name in plain lower-case letters, digits and hyphens ("Ås kommune" → "aas-kommune"). */
export function plainName(name: string): string {
  const plain = name
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('å', 'aa')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return plain || 'kommune';
}

/** The first of "aas", "aas-2", "aas-3", … not in `taken`. */
export function freeSuffix(name: string, taken: ReadonlySet<string>): string {
  const base = plainName(name);
  let suffix = base;
  for (let i = 2; taken.has(suffix); i++) suffix = `${base}-${i}`;
  return suffix;
}

/** The username as stored: what the admin typed, with the municipality's suffix (added once). */
export function withSuffix(username: string, suffix: string): string {
  const tail = `@${suffix}`;
  return username.endsWith(tail) ? username : `${username}${tail}`;
}
