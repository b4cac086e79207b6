/**
 * The place for reading a paragraph aloud in the person view (issue 18, part 3). Speech of form texts is served by
 * `GET /api/speech/forms/...` and played by the speech feature's player; this slot is where each paragraph's player
 * goes, so the person view needs no other change when it is wired in.
 */
export function ParagraphPlayer(_props: { text: string; lang: string }) {
  return null;
}
