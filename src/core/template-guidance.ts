/**
 * The sentence of guidance `samdok new` writes under each required heading
 * ("Skriv varför dokumentet finns …"). It lives here, not in the template,
 * because two parts need the very same words: the template that writes them
 * (src/due/edit/template.ts) and rule SD144, which finds them still standing
 * in a document on remiss or fastställd. Changing a sentence here changes both.
 */

/** Guidance by heading, the heading in lower case. */
export const GUIDANCE: Readonly<Record<string, string>> = {
  syfte: "Skriv varför dokumentet finns och vad det ska leda till för invånarna.",
  bakgrund: "Berätta kort vad som ledde fram till dokumentet.",
  parter: "Skriv vilka huvudmän dokumentet gäller för och vad de förbinder sig till.",
  omfattning: "Skriv vilka verksamheter och vilka personer dokumentet gäller.",
  ansvar: "Skriv vem som gör vad. Ange roller, inte namn.",
  ansvarsfördelning: "Skriv vad regionen och kommunerna var för sig ansvarar för. Ange roller, inte namn.",
  arbetsgång: "Beskriv stegen i den ordning de görs.",
  uppföljning: "Skriv hur och när dokumentet följs upp och vem som ansvarar.",
  tvister: "Skriv hur parterna löser oenighet om hur dokumentet ska tolkas.",
  giltighetstid: "Skriv från när dokumentet gäller, hur länge och när det ska revideras.",
  principer: "Skriv de principer som ska styra arbetet.",
  perspektiv: "Beskriv vad invånare och medarbetare ska uppleva och hur parterna samarbetar.",
  värdeord: "Skriv vad värdeorden betyder i det dagliga arbetet.",
  "prioriterade aktiviteter": "Skriv vilka aktiviteter som kommer först och varför.",
  mål: "Skriv vad som ska vara uppnått och hur det märks.",
  aktiviteter: "Skriv vad som ska göras, av vem och när.",
};

/** The opening of the guidance under a heading the list above does not know (a configured one). */
export const FALLBACK_GUIDANCE_OPENING = "Skriv här om";

/** The guidance `samdok new` writes under `heading`. */
export function guidanceFor(heading: string): string {
  return GUIDANCE[heading.toLowerCase()] ?? `${FALLBACK_GUIDANCE_OPENING} ${heading.toLowerCase()}.`;
}
