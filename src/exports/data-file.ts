// One file of the open data, as the writers, the open-data page and the catalog see it.
import type { Text } from "../model/types.js";
import type { Table } from "./tables.js";

export type FileGroup = "json" | "csv" | "csv-excel" | "metadata" | "schema" | "record" | "release";

export interface DataFile {
  readonly url: string;
  readonly group: FileGroup;
  readonly mediaType: string;
  /** EU file-type authority code, for the catalog. */
  readonly format: string;
  readonly title: Text;
  readonly table?: Table;
  readonly render: () => string;
}
