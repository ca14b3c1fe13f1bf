import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { numericToNumber } from '../../database/bigint.transformer.js';

/** One supply line in a warehouse, coded per GB/T 38565-2020. */
@Entity({ name: 'stock_lines' })
@Index('stock_lines_warehouse_code_key', ['warehouseId', 'code'], { unique: true })
export class StockLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'warehouse_id', type: 'uuid' })
  warehouseId!: string;

  @Column({ type: 'char', length: 7 })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  unit!: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericToNumber })
  quantity!: number;
}
