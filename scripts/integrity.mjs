// index.html's Subresource Integrity hashes, set again for a file a post-build hook changed or added (trunk's preload links carry them).
import { createHash } from 'node:crypto';

/** `s` as a literal inside a regular expression. */
export const escaped = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** `html` with the integrity of the tag naming `./<file>` set to the hash of `bytes`. Throws when
 *  the page names the file but no tag gives it an integrity: such a page must never be deployed. */
export function withIntegrity(html, file, bytes) {
  const integrity = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  const named = escaped(file);
  // trunk's minified HTML puts the attributes in either order, quoted or not.
  const after = new RegExp(`(href=["']?\\./${named}["']? [^>]*?integrity=["']?)sha384-[A-Za-z0-9+/=]+`);
  const before = new RegExp(`(integrity=["']?)sha384-[A-Za-z0-9+/=]+(["']? [^>]*?href=["']?\\./${named})`);
  if (after.test(html)) return html.replace(after, `$1${integrity}`);
  if (before.test(html)) return html.replace(before, `$1${integrity}$2`);
  if (html.includes(file)) throw new Error(`integrity: no integrity hash for ${file} in the page`);
  return html;
}
