// A field of a record as the form names it: the validator speaks of fields by their place in the
// file ("identifiers[0].scheme"), the editor knows them by the form's own labels ("Identifierare 1,
// Systemet"). The labels are read from the configuration Decap is given (src/admin/config.ts builds
// it from the schemas), so the form and its messages never name a field differently. Pure: both the
// admin page's script (browser.ts) and the tests use it.

/** The part of a form field (a CmsField in the configuration) that names it and its parts. */
export interface NamedField {
  readonly name: string;
  readonly label?: string;
  readonly fields?: readonly NamedField[];
  readonly field?: NamedField;
}

/** One step of a field's path: a field by its name, then, for a list, which of its rows (from 0). */
export interface FieldStep {
  readonly name: string;
  readonly index?: number;
}

/** A step of the path as the form shows it: the field's label, and the row's position counted from 1. */
export interface NamedStep extends FieldStep {
  readonly label: string;
}

/** `identifiers[0].scheme` as [{ name: "identifiers", index: 0 }, { name: "scheme" }]. */
export function fieldSteps(path: string): FieldStep[] {
  const steps: FieldStep[] = [];
  for (const part of path.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    const row = /^\[(\d+)\]$/.exec(part);
    const last = steps.at(-1);
    if (row && last && last.index === undefined) steps[steps.length - 1] = { ...last, index: Number(row[1]) };
    else if (!row) steps.push({ name: part });
  }
  return steps;
}

/**
 * The path's steps with the form's labels, as far as the form has the fields: a field the form does
 * not show (one the build works out, or a key the schema does not know) ends the named part.
 */
export function namedSteps(fields: readonly NamedField[], path: string): { named: NamedStep[]; rest: FieldStep[] } {
  const steps = fieldSteps(path);
  const named: NamedStep[] = [];
  let level: readonly NamedField[] = fields;
  for (const [position, step] of steps.entries()) {
    const field = level.find((candidate) => candidate.name === step.name);
    if (!field) return { named, rest: steps.slice(position) };
    named.push({ ...step, label: field.label ?? field.name });
    // A list of single values (a `field`) has rows with no names of their own: its row is the value.
    level = field.fields ?? (field.field?.fields ? field.field.fields : []);
  }
  return { named, rest: [] };
}

const stepText = (step: NamedStep | FieldStep): string =>
  "label" in step
    ? `${step.label}${step.index === undefined ? "" : ` ${step.index + 1}`}`
    : `${step.name}${step.index === undefined ? "" : `[${step.index}]`}`;

/** The steps as the editor reads them: "Kända brister 3, Bristen". */
export const stepsText = (steps: readonly (NamedStep | FieldStep)[]): string => steps.map(stepText).join(", ");

/** The field at `path` by the form's labels ("Identifierare 1, Systemet"); the path itself past what the form shows. */
export function fieldName(fields: readonly NamedField[], path: string): string {
  const { named, rest } = namedSteps(fields, path);
  return stepsText([...named, ...rest]);
}
