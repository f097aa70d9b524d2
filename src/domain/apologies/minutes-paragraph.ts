// The apologies paragraph for the minutes, in the seeds' own style:
//   "Apologies were received from Mr Peter Clifton, Community Safety Manager, London Borough of
//    Barnet and Jamie Keddy of MOPAC (Ms Abram was substituting)."      (minutes, October 2017)
// titles and organisations only when the clerk asks for them; "None." when there are none; and the
// list form of later minutes, one person a line with their role ("Julie Taylor, Assistant Chief
// Executive, LBB").
import { shortReference } from './person-name.ts';

export type MinutesApology = {
  /** As the roster has it, with any honorific: "Mr Peter Clifton". */
  name: string;
  /** Their role: "Community Safety Manager". */
  title?: string;
  organisation?: string;
  /** Who substituted, as the roster or the member named them: "Ms Lynne Abram". */
  substitute?: string;
};

export type ParagraphOptions = { withTitles?: boolean };

const describe = (apology: MinutesApology, withTitles: boolean): string => {
  if (!withTitles) return apology.name;
  if (apology.title) return [apology.name, apology.title, apology.organisation].filter(Boolean).join(', ');
  return apology.organisation ? `${apology.name} of ${apology.organisation}` : apology.name;
};

/** "A and B"; "A, B and C"; with entries that hold commas, "A, role; B; and C". */
const joinAll = (parts: string[], semicolons: boolean): string => {
  if (parts.length <= 2) return parts.join(' and ');
  const init = parts.slice(0, -1);
  const last = parts[parts.length - 1];
  return semicolons ? `${init.join('; ')}; and ${last}` : `${init.join(', ')} and ${last}`;
};

export const minutesParagraph = (apologies: readonly MinutesApology[], options: ParagraphOptions = {}): string => {
  if (apologies.length === 0) return 'None.';
  const withTitles = options.withTitles ?? false;
  const parts = apologies.map((a) => describe(a, withTitles) + (a.substitute ? ` (${shortReference(a.substitute)} was substituting)` : ''));
  // With titles each entry holds commas of its own; three or more are then kept apart by semicolons.
  return `Apologies were received from ${joinAll(parts, parts.some((p) => p.includes(',')))}.`;
};

export const minutesBullets = (apologies: readonly MinutesApology[]): string => {
  if (apologies.length === 0) return 'Apologies:\n- None.';
  const lines = apologies.map((a) => {
    const role = [a.title, a.organisation].filter(Boolean).join(', ');
    return `- ${a.name}${role ? `, ${role}` : ''}${a.substitute ? ` (${shortReference(a.substitute)} substituting)` : ''}`;
  });
  return ['Apologies:', ...lines].join('\n');
};
