// The parts of the `datapackage` package (Frictionless Data, JavaScript) the tests use.
declare module "datapackage" {
  export interface Resource {
    readonly name: string;
    readonly tabular: boolean;
    /** Reads every row; with `relations`, resolves foreign keys and throws on a dangling one. */
    read(options?: { relations?: boolean; keyed?: boolean; cast?: boolean }): Promise<unknown[][]>;
    checkRelations(): Promise<boolean>;
  }
  export class Package {
    static load(descriptor: string | object, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    readonly valid: boolean;
    readonly errors: readonly Error[];
    readonly resources: readonly Resource[];
    readonly descriptor: Record<string, unknown>;
  }
}
