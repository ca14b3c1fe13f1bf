/**
 * One table as set-based raw SQL sees it (jsonb_to_recordset, to_jsonb), declared once as its column
 * definition list. Entity properties are the camelCase of the snake_case columns, as in every entity
 * here, so the JSON rows to and from Postgres are derived instead of written out field by field.
 */
export class RowShape<E extends object> {
  /** Column names, in definition order. */
  readonly columns: string[];
  private readonly properties: string[];
  private readonly timestamps: Set<string>;

  constructor(
    /** `name type, …`: the column definition list jsonb_to_recordset takes. */
    readonly definition: string,
    private readonly create: () => E,
  ) {
    const pairs = definition.split(',').map((c) => c.trim().split(/\s+/));
    this.columns = pairs.map(([name]) => name!);
    this.properties = this.columns.map((c) => c.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase()));
    this.timestamps = new Set(pairs.filter(([, type]) => type === 'timestamptz').map(([name]) => name!));
  }

  /** The JSON row Postgres reads back (dates as ISO strings). */
  toRow(entity: E): Record<string, unknown> {
    const source = entity as Record<string, unknown>;
    return Object.fromEntries(
      this.columns.map((column, i) => {
        const value = source[this.properties[i]!];
        return [column, value instanceof Date ? value.toISOString() : (value ?? null)];
      }),
    );
  }

  /** An entity from a row as node-postgres or to_jsonb gives it (timestamps as Date or string). */
  fromRow(row: Record<string, unknown>): E {
    const entity = this.create() as Record<string, unknown>;
    this.columns.forEach((column, i) => {
      const value = row[column] ?? null;
      entity[this.properties[i]!] = this.timestamps.has(column) && value !== null ? new Date(value as string | Date) : value;
    });
    return entity as E;
  }
}
