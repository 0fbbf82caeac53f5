import type { Facts } from './content-schema';
import { PLACEHOLDER } from './locale-tree';

/** A Danish subscriber number has eight digits; short numbers such as 112 are dialled as they are. */
export function telUri(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  return digits.length === 8 ? `tel:+45${digits}` : `tel:${digits}`;
}

/** Phone numbers become tappable markdown links, so no answer can show a number without its link. */
export function factVariables(facts: Facts): Record<string, string> {
  const variables: Record<string, string> = { ...facts.values };
  for (const [name, phone] of Object.entries(facts.phones)) {
    variables[`phone_${name}`] = `[${phone}](${telUri(phone)})`;
  }
  return variables;
}

/** A text with its facts filled in, as i18next renders it ({{guaranteeDays}} → 14); other placeholders stay. */
export function withFacts(text: string, variables: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => variables[name] ?? whole);
}
