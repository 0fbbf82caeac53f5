import { SUBSTANCES, type Substance } from './content-schema';

/** "{drugs}" or "{alcohol}" in a cue: the place of any name of that substance. */
const SUBSTANCE_PLACE = new RegExp(`\\{(${SUBSTANCES.join('|')})\\}`);
/** Any place in braces, known or not. */
const ANY_PLACE = /\{[^{}]*\}/g;

/** The places in braces in a cue that name no substance ("{drug}", "{money}"): a cue with one would never match. */
export function unknownPlaces(cue: string): string[] {
  return (cue.match(ANY_PLACE) ?? []).filter((place) => !SUBSTANCE_PLACE.test(place));
}

/**
 * Cues with a substance's place ("hjælp til {drugs}", "addicted to {drugs}") written out once per name the content
 * gives that substance, so a reading rule can say "help with a drug" without listing every drug, and without
 * matching help with something else in a message that names a drug ("kan i hjælpe med min gæld? … kokain"). A name
 * that completes a word ("stof*") can only stand last in a cue.
 */
export function substanceCues(cues: readonly string[], names: Readonly<Record<Substance, readonly string[]>>): string[] {
  return cues.flatMap((cue) => {
    const place = SUBSTANCE_PLACE.exec(cue);
    if (place === null) return [cue];
    const last = place.index + place[0].length === cue.length;
    const fitting = names[place[1] as Substance].filter((name) => last || !name.endsWith('*'));
    return substanceCues(
      fitting.map((name) => cue.replace(place[0], name)),
      names,
    );
  });
}
