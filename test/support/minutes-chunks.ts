// A set of minutes in the pieces a clerk pastes: Slack's text box takes 3,000 characters, so each
// piece ends at a line break before that.
export function minutesChunks(text: string, max = 2900): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    if (current && current.length + line.length + 1 > max) {
      chunks.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current.trim()) chunks.push(current);
  return chunks;
}
